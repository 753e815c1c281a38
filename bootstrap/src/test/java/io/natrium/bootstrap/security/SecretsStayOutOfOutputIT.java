package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.signingWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.natrium.testkit.ServerProcess;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every secret a configuration holds or a client presents (passwords, tokens, bcrypt hashes and the passwords
 * behind them, account users' passwords, nkey seeds) stays out of everything the server writes: its log with debug
 * and protocol tracing on ({@code -DV}) across start, connections and SIGHUP reloads that change each secret, a
 * refused reload, and every monitoring endpoint.
 */
class SecretsStayOutOfOutputIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String RELOADED = "Reloaded server configuration";

    private static final String PASSWORD_ONE = "first-password-3c5d";
    /** Quotes, commas and braces end what nats-server's trace patterns redact. */
    private static final String PASSWORD_TWO = "sec0nd-7f3a,p4ss-91cd}w0rd-2b6e\"tail-9a1e";
    private static final String TOKEN_ONE = "first-token-71b2";
    private static final String TOKEN_TWO = "second-token-e48f";
    private static final String BCRYPT_PASSWORD_ONE = "bcrypt-one-5f0c";
    private static final String BCRYPT_PASSWORD_TWO = "bcrypt-two-a27d";
    private static final String ACCOUNT_PASSWORD_ONE = "account-one-8d3b";
    private static final String ACCOUNT_PASSWORD_TWO = "account-two-c61a";
    private static final String WEBSOCKET_PASSWORD = "websocket-pass-0e9f";
    private static final List<String> MONITORING = List.of("/", "/varz", "/connz?auth=1&subs=detail",
            "/connz?auth=1&state=all", "/accountz", "/accountz?acc=A", "/accountz?acc=$G", "/accstatz?unused=1",
            "/subsz?subs=1", "/routez", "/gatewayz", "/leafz", "/healthz", "/jsz", "/metrics");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    private final StringBuilder served = new StringBuilder();
    private final List<Connection> clients = new ArrayList<>();

    @Test
    void noSecretReachesTheLogOrTheMonitor() throws Exception {
        String bcryptOne = bcrypt(BCRYPT_PASSWORD_ONE);
        String bcryptTwo = bcrypt(BCRYPT_PASSWORD_TWO);
        NKey nkeyOne = SecureClients.newUserKey();
        NKey nkeyTwo = SecureClients.newUserKey();
        int monitorPort = ServerProcess.freePort();
        Path config = dir.resolve("secrets.conf");
        write(config, "authorization { user: alice, password: " + quoted(PASSWORD_ONE) + " }");

        try (ServerProcess server = ServerProcess.start(ServerProcess.natriumLauncher(),
                List.of("-c", config.toString(), "-DV", "-m", Integer.toString(monitorPort)), START)) {
            String url = "nats://127.0.0.1:" + server.port();
            String monitor = "http://127.0.0.1:" + monitorPort;
            connect(new Options.Builder().server(url).userInfo("alice", PASSWORD_ONE));
            scrape(monitor);

            write(config, "authorization { user: alice, password: " + quoted(PASSWORD_TWO) + " }");
            reload(server, 1);
            connect(new Options.Builder().server(url).userInfo("alice", PASSWORD_TWO));
            scrape(monitor);

            write(config, "authorization { token: " + quoted(TOKEN_ONE) + " }");
            reload(server, 2);
            connect(new Options.Builder().server(url).token(TOKEN_ONE.toCharArray()));
            scrape(monitor);

            write(config, "authorization { token: " + quoted(TOKEN_TWO) + " }");
            reload(server, 3);
            connect(new Options.Builder().server(url).token(TOKEN_TWO.toCharArray()));
            scrape(monitor);

            write(config, users(bcryptOne, nkeyOne, ACCOUNT_PASSWORD_ONE));
            reload(server, 4);
            connect(new Options.Builder().server(url).userInfo("bob", BCRYPT_PASSWORD_ONE));
            connect(new Options.Builder().server(url).authHandler(signingWith(nkeyOne)));
            connect(new Options.Builder().server(url).userInfo("carol", ACCOUNT_PASSWORD_ONE));
            scrape(monitor);

            write(config, users(bcryptTwo, nkeyTwo, ACCOUNT_PASSWORD_TWO));
            reload(server, 5);
            connect(new Options.Builder().server(url).userInfo("bob", BCRYPT_PASSWORD_TWO));
            connect(new Options.Builder().server(url).authHandler(signingWith(nkeyTwo)));
            connect(new Options.Builder().server(url).userInfo("carol", ACCOUNT_PASSWORD_TWO));
            scrape(monitor);

            // A WebSocket listener cannot be added by a reload: the refusal shows the new block, its password too.
            write(config, "authorization { token: " + quoted(TOKEN_TWO) + " }\nwebsocket { port: "
                    + ServerProcess.freePort() + ", no_tls: true, authorization { user: w, password: "
                    + quoted(WEBSOCKET_PASSWORD) + " } }");
            sighup(server);
            assertThat(await(server, log -> log.contains("config reload not supported for Websocket"))).isTrue();
            scrape(monitor);

            closeClients();
            assertThat(server.terminate(WAIT)).isZero();
            String log = Files.readString(server.log());

            for (String secret : secrets(bcryptOne, bcryptTwo, nkeyOne, nkeyTwo)) {
                assertThat(log).as("the log").doesNotContain(secret);
                assertThat(served.toString()).as("the monitoring endpoints").doesNotContain(secret);
            }
            assertThat(log).as("the run exercised what it checks").contains("Reloaded: authorization password",
                    "Reloaded: authorization token", "Reloaded: authorization users",
                    "Reloaded: authorization nkey users", "<<- [CONNECT ", "\"pass\":\"[REDACTED]\"",
                    "\"auth_token\":\"[REDACTED]\"", "\"sig\":\"[REDACTED]\"", "config reload not supported for Websocket");
            assertThat(served).as("the monitor saw the clients").contains("\"authorized_user\": \"alice\"",
                    "\"authorized_user\": \"bob\"", "\"authorized_user\": \"carol\"");
        } finally {
            closeClients();
        }
    }

    private static String users(String bcryptHash, NKey nkey, String accountPassword) {
        return "authorization { users: [\n"
                + "  {user: bob, password: " + quoted(bcryptHash) + "}\n"
                + "  {nkey: " + SecureClients.publicKey(nkey) + "}\n"
                + "] }\n"
                + "accounts { A: { users: [ {user: carol, password: " + quoted(accountPassword) + "} ] } }";
    }

    /** The secrets, and the parts of each that a redaction stopping at a quote, comma or brace would leave. */
    private static List<String> secrets(String bcryptOne, String bcryptTwo, NKey nkeyOne, NKey nkeyTwo) {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD_ONE, PASSWORD_TWO, TOKEN_ONE, TOKEN_TWO,
                BCRYPT_PASSWORD_ONE, BCRYPT_PASSWORD_TWO, ACCOUNT_PASSWORD_ONE, ACCOUNT_PASSWORD_TWO,
                WEBSOCKET_PASSWORD, bcryptOne, bcryptTwo, seed(nkeyOne), seed(nkeyTwo)));
        secrets.addAll(List.of(PASSWORD_TWO.split("[,}\"]")));
        // bcrypt's salt and digest, wherever they would be cut
        secrets.add(bcryptOne.substring(7));
        secrets.add(bcryptTwo.substring(7));
        return secrets;
    }

    private void connect(Options.Builder options) throws IOException, InterruptedException {
        Connection connection = Nats.connect(options.connectionTimeout(WAIT).noReconnect().build());
        clients.add(connection);
        connection.subscribe("updates.>");
    }

    private void closeClients() throws InterruptedException {
        for (Connection client : clients) {
            client.close();
        }
        clients.clear();
    }

    /** Reads every monitoring endpoint; each must answer (400 for account A while it does not exist). */
    private void scrape(String monitor) throws IOException, InterruptedException {
        for (String path : MONITORING) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(monitor + path))
                    .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(path).isIn(200, 400);
            served.append(path).append('\n').append(response.body()).append('\n');
        }
    }

    private static void reload(ServerProcess server, int reloads) throws Exception {
        sighup(server);
        assertThat(await(server, log -> count(log, RELOADED) >= reloads)).as("reload %d", reloads).isTrue();
    }

    private static void sighup(ServerProcess server) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(server.process().pid())).start();
        assertThat(kill.waitFor()).isZero();
    }

    private static boolean await(ServerProcess server, Function<String, Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.apply(Files.readString(server.log()))) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return condition.apply(Files.readString(server.log()));
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String bcrypt(String password) {
        return BCrypt.withDefaults().hashToString(4, password.toCharArray());
    }

    private static String seed(NKey key) {
        try {
            return new String(key.getSeed());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A double-quoted string of the configuration format. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content + "\n");
    }
}
