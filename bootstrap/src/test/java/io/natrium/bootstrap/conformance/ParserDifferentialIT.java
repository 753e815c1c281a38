package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that nats-server's parser rejects, or that carries bytes that are not UTF-8, sent as raw bytes to the Debian
 * nats-server and to Natrium with the same configuration. Both the answers (byte for byte, INFO masked) and the
 * error lines each server logs for the connection (client address and id masked) must be the same. Both servers
 * run with {@code -D}, so the log line of the close marks the end of a connection.
 *
 * <p>Inputs stay under 512 bytes, the size of nats-server's first read, where its error texts count bytes from
 * the start of a read.
 */
class ParserDifferentialIT {

    private static final String QUIET = "CONNECT {\"verbose\":false,\"pedantic\":false}\r\n";
    private static final String HEADERS = "CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true}\r\n";
    private static final String USER = "CONNECT {\"verbose\":false,\"pedantic\":false,\"user\":\"a\",\"pass\":\"b\"}\r\n";
    private static final Pattern INFO = Pattern.compile("INFO \\{[^\r\n]*\\} \r\n");
    private static final Pattern CLIENT = Pattern.compile("127\\.0\\.0\\.1:\\d+ - cid:\\d+");
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final Duration STEP = Duration.ofMillis(10);

    /** The server setups the inputs run against. */
    enum Setup {
        DEFAULT(""),
        TRACED("trace: true\n"),
        LONG_CONTROL_LINE("max_control_line: 100000\n"),
        PERMISSIONS("""
                authorization {
                  users = [
                    {user: a, password: b, permissions: {publish: {deny: "x.>"}, subscribe: {deny: "x.>"}}}
                  ]
                }
                """),
        TRACED_PERMISSIONS(PERMISSIONS.config + "trace: true\n");

        private final String config;

        Setup(String config) {
            this.config = config;
        }
    }

    private static final Map<Setup, ServerProcess[]> SERVERS = new EnumMap<>(Setup.class);
    private static Path natsServerBinary;
    private static Path configs;

    @BeforeAll
    static void findTheReference() throws IOException {
        natsServerBinary = ExternalTools.natsServer();
        configs = Files.createTempDirectory("natrium-parser-");
    }

    @AfterAll
    static void stopServers() throws InterruptedException {
        for (ServerProcess[] pair : SERVERS.values()) {
            for (ServerProcess server : pair) {
                server.close();
            }
        }
        SERVERS.clear();
    }

    static Stream<Arguments> answeredAndLogged() {
        return Stream.of(
                // Unknown operations, in nats-server's words: its parser state, the index in the read, the rest
                input(Setup.DEFAULT, QUIET + "ZZZ\r\n"),
                input(Setup.DEFAULT, QUIET + "PUBS foo 2\r\nok\r\n"),
                input(Setup.DEFAULT, QUIET + "pinX\r\n"),
                input(Setup.DEFAULT, QUIET + "HMX\r\n"),
                input(Setup.DEFAULT, QUIET + "UNSUBX\r\n"),
                input(Setup.DEFAULT, QUIET + "-ERX\r\n"),
                input(Setup.DEFAULT, QUIET + "RS+ foo\r\n"),
                input(Setup.DEFAULT, QUIET + "MSG foo 1 2\r\nhi\r\n"),
                input(Setup.DEFAULT, QUIET + "\u00ff\u00feZ\r\n"),
                input(Setup.DEFAULT, QUIET + "Q" + "x".repeat(40) + "\r\n"),
                input(Setup.DEFAULT, QUIET + "PUB foo 2\r\nhiX\r\n"),
                input(Setup.DEFAULT, QUIET + "PUB foo 2\r\nhi\rX"),
                // Argument errors, logged and closed without -ERR
                input(Setup.DEFAULT, QUIET + "PUB foo\r\n"),
                input(Setup.DEFAULT, QUIET + "PUB foo -1\r\n"),
                input(Setup.DEFAULT, QUIET + "SUB foo bar baz 22\r\n"),
                input(Setup.DEFAULT, QUIET + "SUB f\u00ff\t\"q\" 1 2\r\n"),
                input(Setup.DEFAULT, QUIET + "UNSUB 1 2 3\r\n"),
                input(Setup.DEFAULT, QUIET + "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n"),
                input(Setup.DEFAULT, HEADERS + "HPUB foo 14 12\r\n"),
                input(Setup.DEFAULT, HEADERS + "HPUB foo x 12\r\n"),
                input(Setup.DEFAULT, HEADERS + "HPUB foo 12 x\r\n"),
                input(Setup.DEFAULT, HEADERS + "HPUB foo\r\n"),
                input(Setup.DEFAULT, QUIET + "-ERR 'client trouble'\r\n"),
                // JSON errors, in Go's words
                input(Setup.DEFAULT, "CONNECT {bad\r\n"),
                input(Setup.DEFAULT, "CONNECT {\"verbose\":\"yes\",\"protocol\":1.5}\r\n"),
                input(Setup.DEFAULT, "CONNECT {\"import\":{\"allow\":[\"a\",5]}}\r\n"),
                input(Setup.DEFAULT, "CONNECT [1]\r\n"),
                input(Setup.DEFAULT, QUIET + "INFO {\"a\":tru}\r\n"),
                input(Setup.LONG_CONTROL_LINE, connectWithUnknownField(nested(10_000))),
                input(Setup.LONG_CONTROL_LINE, QUIET + "INFO {\"x\":" + nested(10_000) + "}\r\n"),
                // Limits
                input(Setup.DEFAULT, QUIET + "PUB foo 1048577\r\n"),
                input(Setup.DEFAULT, QUIET + "SUB " + "a".repeat(4097) + " 1\r\n"),
                // Permission errors quote the subject as Go's %q does, a byte that is not UTF-8 as \xff
                input(Setup.PERMISSIONS, "PING\r\n"),
                input(Setup.PERMISSIONS, USER + "PUB x.\u00ff 1\r\na\r\n"),
                input(Setup.PERMISSIONS, USER + "SUB x.\u00ff\u00fe 1\r\n"),
                input(Setup.PERMISSIONS, USER + "SUB x.\u00ed\u00a0\u0080 q\u00c3 1\r\n"),
                input(Setup.PERMISSIONS, USER + "SUB x.caf\u00c3\u00a9 1\r\n"));
    }

    /** nats-server compares subjects and sids as bytes, whether or not they are UTF-8. */
    static Stream<Arguments> bytesThatAreNotUtf8() {
        return Stream.of(
                input(Setup.DEFAULT, QUIET + "SUB w.\u00ff 1\r\nPUB w.\u00fe 1\r\na\r\nPUB w.\u00ff 1\r\nb\r\n"),
                input(Setup.DEFAULT, QUIET + "SUB w.* 1\u00ff\r\nPUB w.\u00c3 r\u00e2\u0082 1\r\nc\r\n"),
                input(Setup.DEFAULT, QUIET + "SUB v 1\u00ff\r\nSUB v 1\u00fe\r\nUNSUB 1\u00fe\r\n"
                        + "PUB v 1\r\nd\r\n"),
                input(Setup.PERMISSIONS, USER + "SUB y.\u00ff 1\r\nPUB y.\u00ff 1\r\ne\r\n"));
    }

    @ParameterizedTest
    @MethodSource("answeredAndLogged")
    void natriumAnswersAndLogsAsNatsServerDoes(Setup setup, String input) throws Exception {
        ServerProcess[] servers = servers(setup);

        Transcript reference = exchange(servers[0], input);
        Transcript natrium = exchange(servers[1], input);

        assertThat(natrium.received()).as("Natrium's answer, beside nats-server's").isEqualTo(reference.received());
        assertThat(natrium.logged()).as("Natrium's log lines, beside nats-server's").isEqualTo(reference.logged());
        assertThat(reference.logged()).as("nats-server logged an error").isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("bytesThatAreNotUtf8")
    void natriumKeepsBytesThatAreNotUtf8AsNatsServerDoes(Setup setup, String input) throws Exception {
        ServerProcess[] servers = servers(setup);

        String reference = exchange(servers[0], input).received();

        assertThat(exchange(servers[1], input).received()).as("Natrium's answer, beside nats-server's")
                .isEqualTo(reference);
        assertThat(reference).as("nats-server delivered").contains("MSG ");
    }

    /**
     * Traced operations show the client's bytes as they came, UTF-8 or not. (Nothing is delivered: Natrium traces
     * the payloads it delivers, as current nats-server does and 2.9.10 did not.)
     */
    static Stream<Arguments> traced() {
        return Stream.of(
                input(Setup.TRACED, QUIET + "SUB w.\u00ff 1\u00fe\r\nPUB v.\u00ff r\u00c3 1\r\na\r\n"
                        + "UNSUB 1\u00fe\r\n"),
                input(Setup.TRACED, "CONNECT {\"verbose\":false,\"name\":\"n\u00ff\"}\r\n"),
                // The -ERR is traced before the violation is logged
                input(Setup.TRACED_PERMISSIONS, USER + "PUB x.\u00ff 1\r\na\r\nSUB x.a q 1\r\nSUB x.b 2\r\n"));
    }

    @ParameterizedTest
    @MethodSource("traced")
    void natriumTracesAsNatsServerDoes(Setup setup, String input) throws Exception {
        ServerProcess[] servers = servers(setup);

        Transcript reference = exchange(servers[0], input);
        Transcript natrium = exchange(servers[1], input);

        assertThat(natrium.received()).as("Natrium's answer, beside nats-server's").isEqualTo(reference.received());
        assertThat(natrium.logged()).as("Natrium's trace, beside nats-server's").isEqualTo(reference.logged());
        assertThat(reference.logged()).as("nats-server traced").anyMatch(line -> line.contains("\u00ff"));
    }

    /** Go's JSON decoder nests up to 10,000 objects and arrays deep, and limits neither names nor numbers. */
    static Stream<Arguments> answered() {
        return Stream.of(
                input(Setup.LONG_CONTROL_LINE, connectWithUnknownField(nested(9_999)) + "PING\r\n"),
                input(Setup.LONG_CONTROL_LINE, QUIET + "INFO {\"x\":" + nested(9_999) + "}\r\n"),
                input(Setup.LONG_CONTROL_LINE, connectWithUnknownField("9".repeat(90_000))),
                input(Setup.LONG_CONTROL_LINE, "CONNECT {\"verbose\":false,\"" + "k".repeat(60_000) + "\":1}\r\n"),
                input(Setup.DEFAULT, connectWithUnknownField("1".repeat(4000))),
                input(Setup.DEFAULT, connectWithUnknownField("-1." + "1".repeat(4000) + "e5")));
    }

    /** The answers: none of these is an error, so there is no log line to compare. */
    @ParameterizedTest
    @MethodSource("answered")
    void natriumAnswersAsNatsServerDoes(Setup setup, String input) throws Exception {
        ServerProcess[] servers = servers(setup);

        String reference = exchange(servers[0], input).received();

        assertThat(exchange(servers[1], input).received()).as("Natrium's answer, beside nats-server's")
                .isEqualTo(reference);
    }

    /** What came back and the connection's log lines above debug level, masked, bytes as ISO-8859-1 characters. */
    record Transcript(String received, List<String> logged) {
    }

    /**
     * Sends the input and a PING, reads until the PONG or the close, closes, and collects what the server logged at
     * levels above debug for this connection once it logged its close.
     */
    private static Transcript exchange(ServerProcess server, String input) throws IOException, InterruptedException {
        StringBuilder received = new StringBuilder();
        String client;
        try (RawClient raw = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            client = "127.0.0.1:" + raw.localPort() + " - cid:";
            raw.send((input + "PING\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!raw.isClosedByServer() && received.indexOf("PONG\r\n") < 0 && System.nanoTime() < deadline) {
                received.append(new String(raw.drainBytes(STEP), StandardCharsets.ISO_8859_1));
            }
            if (raw.isClosedByServer()) {
                received.append("<closed>");
            }
        }
        String answer = INFO.matcher(received).replaceAll("INFO {...} \r\n");
        return new Transcript(answer, errorLines(server, client));
    }

    private static List<String> errorLines(ServerProcess server, String client)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        List<String> lines = linesOf(server, client);
        while (lines.stream().noneMatch(line -> line.contains("connection closed")) && System.nanoTime() < deadline) {
            Thread.sleep(STEP.toMillis());
            lines = linesOf(server, client);
        }
        return lines.stream().filter(line -> !line.contains("[DBG]"))
                .map(line -> CLIENT.matcher(line.substring(line.indexOf(" [") + 1)).replaceAll("<client>"))
                .collect(Collectors.toList());
    }

    private static List<String> linesOf(ServerProcess server, String client) throws IOException {
        String log = new String(Files.readAllBytes(server.log()), StandardCharsets.ISO_8859_1);
        return log.lines().filter(line -> line.contains(client)).collect(Collectors.toList());
    }

    private static String connectWithUnknownField(String value) {
        return "CONNECT {\"verbose\":false,\"pedantic\":false,\"x\":" + value + "}\r\n";
    }

    private static String nested(int arrays) {
        return "[".repeat(arrays) + "]".repeat(arrays);
    }

    private static Arguments input(Setup setup, String input) {
        return Arguments.of(setup, Named.of(shown(input), input));
    }

    /** The input as a test name: control and non-ASCII bytes escaped, long inputs cut. */
    private static String shown(String input) {
        StringBuilder text = new StringBuilder();
        for (char c : input.substring(0, Math.min(input.length(), 80)).toCharArray()) {
            switch (c) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                default -> text.append(c >= ' ' && c < 0x7f ? String.valueOf(c) : "\\x" + Integer.toHexString(c));
            }
        }
        return input.length() <= 80 ? text.toString() : text + "... (" + input.length() + " bytes)";
    }

    /** The reference and Natrium with the setup's configuration, started once for all of its inputs. */
    private static synchronized ServerProcess[] servers(Setup setup) throws IOException, InterruptedException {
        ServerProcess[] pair = SERVERS.get(setup);
        if (pair == null) {
            List<String> arguments = new ArrayList<>(List.of("-D"));
            if (!setup.config.isEmpty()) {
                Path config = configs.resolve(setup.name().toLowerCase() + ".conf");
                Files.writeString(config, setup.config);
                arguments.add("-c");
                arguments.add(config.toString());
            }
            pair = new ServerProcess[] {
                ServerProcess.start(natsServerBinary, arguments, Duration.ofSeconds(10)),
                ServerProcess.start(ServerProcess.natriumLauncher(), arguments, Duration.ofSeconds(60))};
            SERVERS.put(setup, pair);
        }
        return pair;
    }
}
