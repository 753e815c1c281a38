package io.natrium.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.testkit.ServerProcess;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system account's request services through jnats, on the real launcher: a system user asks the server
 * services and an account's; a user of an ordinary account reaches only what nats-server imports into every
 * account (its own connections and statistics) and finds nobody behind the rest; a KICK closes the named client;
 * a RELOAD applies the changed file; an ordinary account cannot fake an event; STATSZ reports the process's memory and
 * CPU.
 */
class SystemRequestsJnatsIT {

    private static final String ACCOUNTS = """
            accounts {
              $SYS { users [ {user: sys, password: sys} ] }
              A { users [ {user: a, password: a} ] }
            }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aSystemUserAsksTheServerAndAccountServices() throws Exception {
        try (ServerProcess server = LaunchedServer.start(config(ACCOUNTS));
                Connection a = connect(server, "a");
                Connection sys = connect(server, "sys")) {
            JsonNode connz = request(sys, "$SYS.REQ.SERVER.PING.CONNZ", "{\"auth\":true}");
            assertThat(connz.path("data").path("num_connections").asInt()).isEqualTo(2);
            assertThat(connz.path("server").path("id").asText()).isEqualTo(sys.getServerInfo().getServerId());

            JsonNode varz = request(sys, "$SYS.REQ.SERVER." + sys.getServerInfo().getServerId() + ".VARZ", "");
            assertThat(varz.path("data").path("system_account").asText()).isEqualTo("$SYS");

            JsonNode info = request(sys, "$SYS.REQ.ACCOUNT.A.INFO", "");
            assertThat(info.path("data").path("account_name").asText()).isEqualTo("A");
            assertThat(info.path("data").path("client_connections").asInt()).isEqualTo(1);

            JsonNode filtered = request(sys, "$SYS.REQ.ACCOUNT.A.CONNZ", "{\"auth\":true}");
            assertThat(filtered.path("data").path("num_connections").asInt()).isEqualTo(1);
            assertThat(filtered.path("data").path("connections").get(0).path("account").asText()).isEqualTo("A");

            JsonNode bad = request(sys, "$SYS.REQ.SERVER.PING.CONNZ", "{\"limit\":\"many\"}");
            assertThat(bad.path("error").path("code").asInt()).isEqualTo(400);
        }
    }

    @Test
    void anOrdinaryAccountReachesOnlyTheImportedServices() throws Exception {
        try (ServerProcess server = LaunchedServer.start(config(ACCOUNTS));
                Connection sys = connect(server, "sys");
                Connection a = connect(server, "a")) {
            JsonNode connz = request(a, "$SYS.REQ.SERVER.PING.CONNZ", "{\"auth\":true}");
            assertThat(connz.path("data").path("num_connections").asInt()).as("A's own connection only").isEqualTo(1);
            assertThat(connz.path("data").path("connections").get(0).path("authorized_user").asText()).isEqualTo("a");

            JsonNode statz = request(a, "$SYS.REQ.ACCOUNT.PING.STATZ", "");
            assertThat(statz.path("data").path("account_statz").get(0).path("acc").asText()).isEqualTo("A");

            for (String refused : new String[] {"$SYS.REQ.SERVER.PING.VARZ", "$SYS.REQ.SERVER.PING",
                "$SYS.REQ.ACCOUNT.$SYS.INFO", "$SYS.REQ.SERVER." + a.getServerInfo().getServerId() + ".KICK"}) {
                assertThatThrownBy(() -> a.requestWithTimeout(refused, new byte[0], WAIT).get(5, TimeUnit.SECONDS))
                        .as(refused).isInstanceOf(ExecutionException.class);
            }
        }
    }

    @Test
    void anOrdinaryAccountCannotFakeAnEvent() throws Exception {
        try (ServerProcess server = LaunchedServer.start(config(ACCOUNTS));
                Connection sys = connect(server, "sys");
                Connection a = connect(server, "a")) {
            Subscription events = sys.subscribe("$SYS.SERVER.fake.>");
            sys.flush(WAIT);
            a.publish("$SYS.SERVER.fake.SHUTDOWN", "{}".getBytes(StandardCharsets.UTF_8));
            a.flush(WAIT);
            assertThat(events.nextMessage(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void aKickClosesTheNamedClient() throws Exception {
        try (ServerProcess server = LaunchedServer.start(config(ACCOUNTS));
                Connection sys = connect(server, "sys");
                Connection victim = Nats.connect(options(server, "a").connectionName("victim").maxReconnects(0)
                        .build())) {
            JsonNode connz = request(sys, "$SYS.REQ.ACCOUNT.A.CONNZ", "");
            long cid = connz.path("data").path("connections").get(0).path("cid").asLong();
            String kick = "$SYS.REQ.SERVER." + sys.getServerInfo().getServerId() + ".KICK";

            JsonNode reply = request(sys, kick, "{\"cid\":" + cid + "}");

            assertThat(reply.has("error")).as(reply.toString()).isFalse();
            assertThat(LaunchedServer.await(() -> victim.getStatus() == Connection.Status.CLOSED)).isTrue();
            JsonNode closed = request(sys, "$SYS.REQ.SERVER.PING.CONNZ", "{\"state\":1,\"cid\":" + cid + "}");
            assertThat(closed.path("data").path("connections").get(0).path("reason").asText()).isEqualTo("Kicked");
            JsonNode again = request(sys, kick, "{\"cid\":" + cid + "}");
            assertThat(again.path("error").path("description").asText()).isEqualTo("no such client or leafnode id");
        }
    }

    @Test
    void aReloadRequestAppliesTheChangedFile() throws Exception {
        Path config = config("max_payload: 2048\n" + ACCOUNTS);
        try (ServerProcess server = LaunchedServer.start(config); Connection sys = connect(server, "sys")) {
            Files.writeString(config, "max_payload: 4096\n" + ACCOUNTS);

            JsonNode reply = request(sys, "$SYS.REQ.SERVER." + sys.getServerInfo().getServerId() + ".RELOAD", "");

            assertThat(reply.has("error")).as(reply.toString()).isFalse();
            try (Connection fresh = connect(server, "a")) {
                assertThat(fresh.getServerInfo().getMaxPayload()).isEqualTo(4096);
            }
            Files.writeString(config, "server_name: other\n" + ACCOUNTS);
            JsonNode refused = request(sys, "$SYS.REQ.SERVER." + sys.getServerInfo().getServerId() + ".RELOAD", "");
            assertThat(refused.path("error").path("code").asInt()).isEqualTo(500);
            assertThat(refused.path("error").path("description").asText()).contains("config reload not supported");
        }
    }

    @Test
    void statszReportsTheProcessMemoryAndCpu() throws Exception {
        try (ServerProcess server = LaunchedServer.start(config(ACCOUNTS));
                Connection sys = connect(server, "sys");
                Connection a = connect(server, "a")) {
            JsonNode statsz = request(sys, "$SYS.REQ.SERVER.PING.STATSZ", "").path("statsz");
            long resident = residentBytes(server.process().pid());
            assertThat(statsz.path("mem").asLong()).as("STATSZ mem beside the process's VmRSS of %d", resident)
                    .isBetween(resident / 2, resident * 2);

            // Work for the server, so that the CPU it used over the last second is more than nothing.
            byte[] payload = new byte[128];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            double cpu = 0;
            while (cpu <= 0 && System.nanoTime() < deadline) {
                for (int i = 0; i < 20_000; i++) {
                    a.publish("load", payload);
                }
                a.flush(WAIT);
                cpu = request(sys, "$SYS.REQ.SERVER.PING.STATSZ", "").path("statsz").path("cpu").asDouble();
            }
            assertThat(cpu).as("STATSZ cpu of a server at work").isPositive();
        }
    }

    /**
     * Lame-duck mode (SIGUSR2) is announced on {@code $SYS.SERVER.<id>.LAMEDUCK} with the server's identity, as
     * nats-server announces it from 2.10 on (2.9.10 sends nothing).
     */
    @Test
    void lameDuckModeIsAnnounced() throws Exception {
        try (ServerProcess server = LaunchedServer.start(config("lame_duck_duration: 30s\n"
                + ACCOUNTS)); Connection sys = connect(server, "sys")) {
            Subscription lameDuck = sys.subscribe("$SYS.SERVER.*.LAMEDUCK");
            sys.flush(WAIT);

            new ProcessBuilder("kill", "-USR2", Long.toString(server.process().pid())).start().waitFor();

            Message announced = lameDuck.nextMessage(Duration.ofSeconds(10));
            assertThat(announced).as("the LAMEDUCK event").isNotNull();
            String id = sys.getServerInfo().getServerId();
            assertThat(announced.getSubject()).isEqualTo("$SYS.SERVER." + id + ".LAMEDUCK");
            JsonNode payload = JSON.readTree(announced.getData());
            assertThat(payload.path("id").asText()).isEqualTo(id);
            assertThat(payload.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("name", "host", "id", "ver", "seq", "jetstream", "time");
        }
    }

    /** VmRSS of a process, from /proc, in bytes. */
    private static long residentBytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new AssertionError("no VmRSS for process " + pid);
    }

    private Path config(String text) throws Exception {
        Path file = dir.resolve("natrium.conf");
        Files.writeString(file, text);
        return file;
    }

    private static Options.Builder options(ServerProcess server, String user) {
        return new Options.Builder().server("nats://127.0.0.1:" + server.port()).userInfo(user, user)
                .reportNoResponders();
    }

    private static Connection connect(ServerProcess server, String user) throws Exception {
        return Nats.connect(options(server, user).build());
    }

    private static JsonNode request(Connection connection, String subject, String body) throws Exception {
        Message reply = connection.requestWithTimeout(subject, body.getBytes(StandardCharsets.UTF_8), WAIT)
                .get(5, TimeUnit.SECONDS);
        return JSON.readTree(reply.getData());
    }
}
