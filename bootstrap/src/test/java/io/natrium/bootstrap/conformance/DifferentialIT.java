package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.connect;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same raw exchanges against the Debian nats-server and against Natrium (both started as processes with
 * default settings), answers compared after masking INFO lines, which carry the server ids, versions, ports and
 * client ids. Clients send CONNECT without {@code protocol:1}: the connect_info INFO that current nats-server (and
 * Natrium) send such clients did not exist in 2.9.10. The intended differences from 2.9.10, where Natrium follows
 * current nats-server, have a table of their own.
 */
class DifferentialIT {

    private static final String QUIET = connect(Wire.QUIET);
    private static final String VERBOSE = connect("{\"verbose\":true,\"pedantic\":false}");
    private static final String PEDANTIC = connect("{\"verbose\":true,\"pedantic\":true}");
    private static final String HEADERS = connect(Wire.HEADERS);
    private static final String NO_RESPONDERS =
            connect("{\"verbose\":false,\"pedantic\":false,\"headers\":true,\"no_responders\":true}");

    private static ServerProcess natsServer;
    private static ServerProcess natrium;

    @BeforeAll
    static void startBothServers() throws IOException, InterruptedException {
        natsServer = ServerProcess.start(ExternalTools.natsServer(), List.of(), Duration.ofSeconds(10));
        natrium = ServerProcess.start(ServerProcess.natriumLauncher(), List.of(), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBothServers() throws InterruptedException {
        for (ServerProcess server : new ServerProcess[] {natsServer, natrium}) {
            if (server != null) {
                server.close();
            }
        }
    }

    static Stream<Named<String>> exchanges() {
        return Stream.of(
                // Before and at CONNECT
                "PING\r\n",
                "SUB foo 1\r\n" + QUIET + "PUB foo 1\r\nx\r\n",
                "CONNECT {}\r\nSUB foo 1\r\nPUB foo.* 2\r\nhi\r\n",
                "CONNECT null\r\n",
                "CONNECT {\"VERBOSE\":false,\"Pedantic\":false,\"unknown\":[1,{}]}\r\nPUB foo.* 2\r\nhi\r\n",
                VERBOSE + "CONNECT {\"verbose\":false}\r\nSUB foo 1\r\n",
                "CONNECT {\"protocol\":2}\r\n",
                "CONNECT {\"no_responders\":true}\r\n",
                "CONNECT {\"account\":\"A\"}\r\n",
                "CONNECT {bad\r\n",
                "CONNECT {\"verbose\":\"yes\"}\r\n",
                // Publish and subscribe
                QUIET + "SUB foo 1\r\nPUB foo 5\r\nhello\r\n",
                QUIET + "SUB foo 1\r\nPUB foo bar.baz 5\r\nhello\r\nPUB foo 0\r\n\r\n",
                QUIET + "SUB foo.* 1\r\nPUB foo.bar 1\r\nx\r\nPUB foo.bar.baz 1\r\ny\r\nPUB foo 1\r\nz\r\n",
                QUIET + "SUB foo.> 1\r\nPUB foo 1\r\nx\r\nPUB foo.bar.baz 1\r\ny\r\n",
                QUIET + "SUB foo* 1\r\nPUB foox 1\r\nx\r\nPUB foo* 1\r\ny\r\n",
                QUIET + "SUB foo Ab-9_x\r\nPUB foo 005\r\nhello\r\n",
                QUIET + "sub\tfoo  1\npub foo 2\r\nhi\r\nping\n",
                connect("{\"verbose\":false,\"pedantic\":false,\"echo\":false}") + "SUB foo 1\r\nPUB foo 2\r\nhi\r\n",
                QUIET + "SUB foo 1\r\nUNSUB 1\r\nPUB foo 2\r\nhi\r\n",
                VERBOSE + "UNSUB 99\r\nSUB foo 1\r\nSUB bar 1\r\nPUB bar 2\r\nhi\r\nPUB foo 2\r\nhi\r\n",
                QUIET + "SUB foo.. 1\r\nSUB foo.>.bar 2\r\nSUB .foo 3\r\n",
                QUIET + "SUB foo q 1\r\nSUB foo 2\r\nPUB foo 1\r\na\r\n",
                // UNSUB with a maximum
                QUIET + "SUB foo 1\r\nUNSUB 1 2\r\nPUB foo 1\r\na\r\nPUB foo 1\r\nb\r\nPUB foo 1\r\nc\r\n",
                QUIET + "SUB foo 1\r\nPUB foo 1\r\na\r\nPUB foo 1\r\nb\r\nUNSUB 1 1\r\nPUB foo 1\r\nc\r\n",
                QUIET + "SUB foo 1\r\nUNSUB 1 0\r\nPUB foo 1\r\na\r\nSUB bar 2\r\nUNSUB 2 x\r\nPUB bar 1\r\nb\r\n",
                // Headers and no-responders
                HEADERS + "SUB foo 1\r\nHPUB foo r 18 20\r\nNATS/1.0\r\nA: B\r\n\r\nhi\r\n",
                HEADERS + "SUB foo 1\r\nHPUB foo 018 020\r\nNATS/1.0\r\nA: B\r\n\r\nhi\r\nHPUB foo 0 2\r\nhi\r\n",
                QUIET + "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n",
                HEADERS + "HPUB foo 14 12\r\n",
                NO_RESPONDERS + "PUB foo reply 0\r\n\r\nSUB reply q 9\r\nPUB foo reply 0\r\n\r\n",
                // verbose and pedantic
                VERBOSE + "SUB foo 1\r\nPUB foo 2\r\nhi\r\nUNSUB 1\r\nPING\r\nSUB foo.. 2\r\n",
                PEDANTIC + "SUB > 1\r\nPUB foo.* 2\r\nhi\r\nPUB foo..bar 2\r\nhi\r\nPUB foo r.* 2\r\nhi\r\n",
                connect("{\"verbose\":false,\"pedantic\":true}") + "SUB > 1\r\nPUB > 2\r\nhi\r\n",
                // Malformed input
                QUIET + "ZZZ\r\n",
                QUIET + "PUBS foo 2\r\nok\r\n",
                QUIET + " PING\r\n",
                QUIET + "MSG foo 1 2\r\nhi\r\n",
                QUIET + "RS+ foo\r\n",
                QUIET + "PUB foo 2\r\nhiX\r\n",
                QUIET + "PUB foo\r\n",
                QUIET + "PUB foo -1\r\n",
                QUIET + "SUB foo bar baz 22\r\n",
                QUIET + "UNSUB 1 2 3\r\n",
                QUIET + "INFO {x\r\n",
                QUIET + "+OK\r\nPONG\r\nINFO {}\r\n",
                QUIET + "INFO {\"port\":\"x\"}\r\nPING\r\n",
                QUIET + "INFO {\"connect_urls\":\"a\"}\r\nPING\r\n",
                QUIET + "INFO {\"Server_ID\":5}\r\nPING\r\n",
                QUIET + "INFO {\"port\":5.0}\r\nPING\r\n",
                QUIET + "INFO {\"client_id\":-1}\r\nPING\r\n",
                QUIET + "INFO {\"gateway_cmd_payload\":[1,2],\"import\":{\"allow\":[\"a\"]},\"x\":[]}\r\nPING\r\n",
                QUIET + "INFO {\"port\":5,\"connect_urls\":[\"a\",null],\"server_id\":null}\r\nPING\r\n",
                QUIET + "PING\r\n-ERR 'client trouble'\r\n",
                QUIET + "SUB foo 1\r\nPUB foo 2\r\nhi\r\nPING\r\nZZZ\r\n",
                HEADERS + "SUB foo 1\r\nHPUB foo 5 7\r\nXXXXXhi\r\n",
                QUIET + "SUB foo 1\r\nUNSUB 1 99999999999\r\nPUB foo 1\r\na\r\nSUB bar 2\r\nUNSUB 2 999999999\r\n"
                        + "PUB bar 1\r\nb\r\n",
                QUIET + "SUB foo 1\r\nPUB foo 000000000\r\n\r\nPUB foo 0000000000\r\n\r\n",
                QUIET + "PUB foo +5\r\nhello\r\n",
                QUIET + "SUB *.> 1\r\nSUB >.> 2\r\nPUB a.b 1\r\nx\r\nPUB a.> 1\r\ny\r\n",
                QUIET + "PINGXYZ\r\nPONGXYZ\r\n+OKAY\r\n",
                QUIET + "PI\r\n",
                QUIET + "-ERR\r\n",
                QUIET + "SUB foo q 1 extra\r\n",
                QUIET + "SUB foo 1\r\nPUB\tfoo\tr\t1\r\na\r\nUNSUB\t1\r\nPUB foo 1\r\nb\r\n",
                HEADERS + "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\n\r\n",
                "CONNECT  {\"verbose\":false}  \r\n",
                // Default limits
                QUIET + "PUB foo 1048577\r\n",
                PEDANTIC + "PUB foo.* 1048577\r\n",
                QUIET + "SUB " + "a".repeat(4095) + " 1\r\n")
                .map(Wire::shown);
    }

    @ParameterizedTest
    @MethodSource("exchanges")
    void natriumAnswersAsNatsServerDoes(String input) throws IOException {
        String reference = WireExchange.exchange(natsServer, input);

        assertThat(WireExchange.exchange(natrium, input)).as("Natrium's answer, beside nats-server's")
                .isEqualTo(reference);
    }

    static Stream<Arguments> intendedDifferences() {
        return Stream.of(
                Arguments.of(Named.of("the 503 no-responders status names the request subject",
                                NO_RESPONDERS + "SUB reply 9\r\nPUB foo reply 0\r\n\r\n"),
                        "HMSG reply 9 16 16\r\nNATS/1.0 503\r\n\r\n\r\nPONG\r\n",
                        "HMSG reply 9 35 35\r\nNATS/1.0 503\r\nNats-Subject: foo\r\n\r\n\r\nPONG\r\n"),
                Arguments.of(Named.of("a protocol 1 client gets connect_info INFO after its first PONG",
                                connect("{\"verbose\":false,\"protocol\":1}") + PING),
                        "PONG\r\nPONG\r\n",
                        "PONG\r\nINFO {...} \r\nPONG\r\n"));
    }

    @ParameterizedTest
    @MethodSource("intendedDifferences")
    void natriumFollowsCurrentNatsServerWhereItChangedSince2_9_10(String input, String natsServer2910,
            String natriumAnswer) throws IOException {
        assertThat(info(natsServer).get("version").textValue()).as("the reference these answers are from")
                .isEqualTo(ExternalTools.REFERENCE_VERSION);

        assertThat(WireExchange.exchange(natsServer, input)).as("nats-server 2.9.10").isEqualTo(natsServer2910);
        assertThat(WireExchange.exchange(natrium, input)).as("Natrium").isEqualTo(natriumAnswer);
    }

    @Test
    void infoHasTheSameFieldsAndTheSameClientFacingValues() throws IOException {
        JsonNode reference = info(natsServer);
        JsonNode ours = info(natrium);

        assertThat(Wire.fieldNames(ours)).containsExactlyElementsOf(Wire.fieldNames(reference));
        for (String field : List.of("proto", "host", "headers", "max_payload", "client_ip")) {
            assertThat(ours.get(field)).as(field).isEqualTo(reference.get(field));
        }
    }

    private static JsonNode info(ServerProcess server) throws IOException {
        try (RawClient client = RawClient.connect("127.0.0.1", server.port())) {
            return Wire.info(client);
        }
    }
}
