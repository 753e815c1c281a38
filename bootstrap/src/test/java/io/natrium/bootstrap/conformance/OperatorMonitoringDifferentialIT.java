package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JWT fields of monitoring in operator mode, the Debian nats-server 2.9.10 beside Natrium with the same
 * operator, accounts and users (made by the test with {@link TestJwt}): /varz's trusted operators, /accountz's
 * account JWT, its issuer, name, tags, decoded claims and revocations, and /connz's user JWT, issuer, name and tags
 * with {@code auth}. The fields are compared as the bytes each server wrote.
 */
class OperatorMonitoringDifferentialIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private static final TestNKey OPERATOR = TestNKey.operator();
    private static final TestNKey OPERATOR_SIGNER = TestNKey.operator();
    private static final TestNKey SYSTEM = TestNKey.account();
    private static final TestNKey APP = TestNKey.account();
    private static final TestNKey APP_SIGNER = TestNKey.account();
    private static final TestNKey BROKEN = TestNKey.account();
    private static final TestNKey WARNED = TestNKey.account();

    private static Path dir;
    private static Monitored reference;
    private static Monitored natrium;

    private record Monitored(ServerProcess server, int monitorPort) {

        String get(String path) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitorPort + path))
                    .timeout(TIMEOUT).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s", server, path).isEqualTo(200);
            return response.body();
        }
    }

    @BeforeAll
    static void startBoth() throws Exception {
        dir = Files.createTempDirectory("natrium-operator-monitoring-");
        Map<String, Object> operatorNats = new LinkedHashMap<>();
        operatorNats.put("system_account", SYSTEM.publicKey());
        operatorNats.put("signing_keys", List.of(OPERATOR_SIGNER.publicKey()));
        operatorNats.put("tags", List.of("Region:EU"));
        String operatorJwt = TestJwt.operator(OPERATOR, "ops", operatorNats);
        Map<String, Object> appNats = new LinkedHashMap<>();
        appNats.put("limits", TestJwt.unlimitedAccount());
        appNats.put("revocations", Map.of(TestNKey.user().publicKey(), 1_700_000_000L, "*", 1_600_000_000L));
        appNats.put("signing_keys", List.of(APP_SIGNER.publicKey()));
        appNats.put("mappings", Map.of("orders.*", List.of(Map.of("subject", "new.orders.{{wildcard(1)}}",
                "weight", 100))));
        appNats.put("exports", List.of(Map.of("name", "help", "subject", "help.>", "type", "service",
                "response_type", "Stream", "service_latency", Map.of("sampling", 50, "results", "latency.help"))));
        appNats.put("tags", List.of("Team:Blue", "prod"));
        appNats.put("description", "the <app> & more");
        Map<String, Object> brokenNats = new LinkedHashMap<>();
        brokenNats.put("limits", TestJwt.unlimitedAccount());
        brokenNats.put("mappings", Map.of("a.>", List.of(Map.of("subject", "b.>"))));
        String broken = TestJwt.sign(OPERATOR, TestJwt.claims(OPERATOR, BROKEN.publicKey(), "BROKEN", "account",
                brokenNats, Instant.now().getEpochSecond() - 60));
        Map<String, Object> warnedNats = new LinkedHashMap<>();
        warnedNats.put("limits", TestJwt.unlimitedAccount());
        warnedNats.put("imports", List.of(Map.of("subject", "help.>", "account", APP.publicKey(), "type", "service",
                "to", "apphelp.>")));
        String config = """
                operator: "%s"
                resolver: MEMORY
                resolver_preload: {
                  %s: "%s"
                  %s: "%s"
                  %s: "%s"
                  %s: "%s"
                }
                """.formatted(operatorJwt, WARNED.publicKey(), TestJwt.account(OPERATOR, WARNED, "WARNED", warnedNats),
                BROKEN.publicKey(), broken,
                SYSTEM.publicKey(), TestJwt.account(OPERATOR, SYSTEM, "SYS",
                        Map.of("limits", TestJwt.unlimitedAccount())),
                APP.publicKey(), TestJwt.account(OPERATOR_SIGNER, APP, "APP", appNats));
        Path file = Files.writeString(dir.resolve("operator.conf"), config);
        reference = start(ExternalTools.natsServer(), file, Duration.ofSeconds(10));
        natrium = start(ServerProcess.natriumLauncher(), file, Duration.ofSeconds(60));
    }

    private static Monitored start(Path executable, Path config, Duration within) throws Exception {
        int monitorPort = ServerProcess.freePort();
        ServerProcess server = ServerProcess.start(executable,
                List.of("-c", config.toString(), "-m", Integer.toString(monitorPort)), within);
        return new Monitored(server, monitorPort);
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (reference != null) {
            reference.server().close();
        }
        if (natrium != null) {
            natrium.server().close();
        }
    }

    @Test
    void varzShowsTheTrustedOperatorsJwtAndClaims() throws Exception {
        String fromReference = reference.get("/varz");
        String fromNatrium = natrium.get("/varz");

        for (String field : List.of("trusted_operators_jwt", "trusted_operators_claim", "system_account")) {
            assertThat(field(fromReference, field, 1)).as("nats-server's %s", field).isNotEmpty();
            assertThat(field(fromNatrium, field, 1)).as(field).isEqualTo(field(fromReference, field, 1));
        }
    }

    @Test
    void accountzShowsTheAccountJwtAndWhatItSays() throws Exception {
        String path = "/accountz?acc=" + APP.publicKey();
        String fromReference = reference.get(path);
        String fromNatrium = natrium.get(path);

        for (String field : List.of("account_name", "expired", "jwt", "issuer_key", "name_tag", "tags",
                "decoded_jwt", "revoked_user")) {
            assertThat(field(fromReference, field, 2)).as("nats-server's %s", field).isNotEmpty();
            assertThat(field(fromNatrium, field, 2)).as(field).isEqualTo(field(fromReference, field, 2));
        }
    }

    @Test
    void accountzShowsTheValidationIssuesOfAnAccountsJwt() throws Exception {
        // nats-server shows only the accounts it has registered: a client of the account registers it.
        Map<String, Object> bearer = new LinkedHashMap<>(TestJwt.unlimitedUser());
        bearer.put("bearer_token", true);
        String jwt = TestJwt.user(WARNED, TestNKey.user(), "bearer", bearer, 0);
        String path = "/accountz?acc=" + WARNED.publicKey();
        String fromReference;
        String fromNatrium;
        try (RawClient first = bearerClient(reference, jwt); RawClient second = bearerClient(natrium, jwt)) {
            fromReference = reference.get(path);
            fromNatrium = natrium.get(path);
        }

        assertThat(field(fromReference, "validation_result_jwt", 2)).as("nats-server's")
                .contains("\"the field to has been deprecated (use LocalSubject instead)\"");
        for (String field : List.of("validation_result_jwt", "expired", "jwt", "complete")) {
            assertThat(field(fromNatrium, field, 2)).as(field).isEqualTo(field(fromReference, field, 2));
        }
        // The deprecated 'to' of a service import names the exported subject, which APP does not export: nats-server
        // does not add the import and counts the account incomplete.
        assertThat(field(fromReference, "complete", 2)).as("nats-server's").isEqualTo("false");
        assertThat(imports(fromReference)).as("nats-server's imports").isNotEmpty()
                .noneMatch(imported -> imported.path("account").asText().equals(APP.publicKey()));
        assertThat(imports(fromNatrium)).as("imports, in any order as Go ranges over a map")
                .containsExactlyInAnyOrderElementsOf(imports(fromReference));
        assertThat(reference.get("/accountz?acc=" + APP.publicKey())).as("nats-server's, without issues")
                .doesNotContain("validation_result_jwt");
        assertThat(natrium.get("/accountz?acc=" + APP.publicKey())).doesNotContain("validation_result_jwt");
    }

    @Test
    void connzWithAuthShowsTheUsersJwtIssuerNameAndTags() throws Exception {
        Map<String, Object> userNats = new LinkedHashMap<>(TestJwt.unlimitedUser());
        userNats.put("tags", List.of("Role:Reader"));
        userNats.put("issuer_account", APP.publicKey());
        TestNKey user = TestNKey.user();
        String jwt = TestJwt.user(APP_SIGNER, user, "reader", userNats, Instant.now().getEpochSecond() + 3600);
        Path creds = TestJwt.credsFile(Files.createTempFile(dir, "reader-", ".creds"), jwt, user);

        try (Connection first = connect(reference, creds); Connection second = connect(natrium, creds)) {
            String fromReference = reference.get("/connz?auth=1");
            String fromNatrium = natrium.get("/connz?auth=1");

            for (String field : List.of("authorized_user", "account", "jwt", "issuer_key", "name_tag", "tags")) {
                assertThat(field(fromReference, field, 3)).as("nats-server's %s", field).isNotEmpty();
                assertThat(field(fromNatrium, field, 3)).as(field).isEqualTo(field(fromReference, field, 3));
            }
            assertThat(field(fromNatrium, "issuer_key", 3)).isEqualTo("\"" + APP_SIGNER.publicKey() + "\"");
        }
    }

    private static List<JsonNode> imports(String accountz) throws IOException {
        List<JsonNode> imports = new ArrayList<>();
        JSON.readTree(accountz).path("account_detail").path("imports").forEach(imports::add);
        return imports;
    }

    private static RawClient bearerClient(Monitored server, String jwt) throws IOException {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.server().port());
        client.send("CONNECT {\"verbose\":false,\"jwt\":\"" + jwt + "\"}\r\nPING\r\n")
                .drainThrough(Pattern.compile("PONG\r\n"), TIMEOUT);
        return client;
    }

    private static Connection connect(Monitored server, Path creds) throws Exception {
        return Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + server.server().port())
                .authHandler(Nats.credentials(creds.toString())).connectionTimeout(TIMEOUT).noReconnect().build());
    }

    @Test
    void connzWithoutAuthShowsNoJwt() throws Exception {
        TestNKey user = TestNKey.user();
        String jwt = TestJwt.user(APP, user, "plain", TestJwt.unlimitedUser(), 0);
        Path creds = TestJwt.credsFile(Files.createTempFile(dir, "plain-", ".creds"), jwt, user);

        for (Monitored server : List.of(reference, natrium)) {
            try (Connection ignored = connect(server, creds)) {
                String connz = server.get("/connz");
                assertThat(connz).as("%s", server.server()).contains("\"connections\": [")
                        .doesNotContain("\"jwt\"", "\"issuer_key\"", "\"name_tag\"");
            }
        }
    }

    @Test
    void theTrustedOperatorsAndThePreloadedAccountsIssuesAreLoggedAtStart() throws Exception {
        List<String> fromReference = operatorLines(reference.server().log());
        List<String> fromNatrium = operatorLines(natrium.server().log());

        assertThat(fromReference).contains("[WRN] Account [" + BROKEN.publicKey() + "] has validation issues:",
                "[WRN]   - claim is expired", "[INF]   Operator: \"ops\"");
        assertThat(fromNatrium).isEqualTo(fromReference);
    }

    /** The log lines of operator mode at start, from their level on. */
    private static List<String> operatorLines(Path log) throws IOException {
        return Files.readAllLines(log).stream().map(line -> line.substring(line.indexOf(" [") + 1))
                .filter(line -> line.matches("\\[(INF|WRN|ERR)\\] (Trusted Operators|  System  :|  Operator:|"
                        + "  Issued  :|  Expires :|Account \\[|  - |Preloaded account).*"))
                .toList();
    }

    /**
     * The text of a field as written by {@code json.MarshalIndent}: from its name to the line that starts the next
     * field of the same object (or closes it), at {@code depth} levels of two-space indentation; "" when absent.
     */
    static String field(String body, String name, int depth) {
        String indent = "  ".repeat(depth);
        String start = "\n" + indent + "\"" + name + "\": ";
        int from = body.indexOf(start);
        if (from < 0) {
            return "";
        }
        int value = from + start.length();
        int end = value;
        while (true) {
            int line = body.indexOf('\n', end);
            if (line < 0) {
                return body.substring(value);
            }
            String next = body.substring(line + 1);
            boolean sibling = next.startsWith(indent + "\"") || !next.startsWith(indent);
            if (sibling) {
                String text = body.substring(value, line);
                return text.endsWith(",") ? text.substring(0, text.length() - 1) : text;
            }
            end = line + 1;
        }
    }
}
