package io.natrium.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protocol tracing ({@code -V}) of a real server, into a log file and on standard error: a subscription, a publish,
 * its delivery and an unsubscribe leave nats-server's trace lines, in order, under each client's prefix.
 */
class ProtocolTraceIT {

    private static final Pattern CLIENT_ID = Pattern.compile("\"client_id\":(\\d+)");
    private static final Pattern TRACE_LINE = Pattern.compile(
            "\\[\\d+] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} \\[TRC] 127\\.0\\.0\\.1:\\d+ - cid:\\d+ - .*");
    private static final String SUB_CONNECT =
            "{\"verbose\":false,\"pedantic\":false,\"name\":\"sub\",\"lang\":\"raw\",\"version\":\"1.0\"}";
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path directory;

    @AfterEach
    void backToTheDefaults() {
        Logging.reset();
    }

    @Test
    void tracesPubSubAndDeliveryIntoTheLogFile() throws Exception {
        Path file = directory.resolve("nats.log");
        Logging.apply(Settings.defaults().logFile(file).trace(true).build());

        try (EmbeddedServer server = EmbeddedServer.start(ServerSettings.builder())) {
            Exchange exchange = exchange(server.port());

            List<String> lines = Files.readAllLines(file);
            assertThat(lines).anySatisfy(line -> assertThat(line).matches(TRACE_LINE).endsWith("<<- [PUB foo 5]"));
            assertThat(traces(lines)).containsSubsequence(exchange.expectedTraces());
            assertThat(lines).anySatisfy(line -> assertThat(line).endsWith("[INF] Server is ready"));
        }
    }

    @Test
    void tracesNothingWhenTracingIsOff() throws Exception {
        Path file = directory.resolve("nats.log");
        Logging.apply(Settings.defaults().logFile(file).debug(true).build());

        try (EmbeddedServer server = EmbeddedServer.start(ServerSettings.builder())) {
            exchange(server.port());

            String log = Files.readString(file);
            assertThat(log).contains("[INF] Server is ready", "[DBG]").doesNotContain("[TRC]");
        }
    }

    @Test
    void keepsTracingIntoAReopenedFile() throws Exception {
        Path file = directory.resolve("nats.log");
        Logging.apply(Settings.defaults().logFile(file).trace(true).build());

        try (EmbeddedServer server = EmbeddedServer.start(ServerSettings.builder());
                RawClient client = RawClient.connect("127.0.0.1", server.port())) {
            String prefix = "cid:" + clientId(client) + " - ";
            client.send("CONNECT {\"verbose\":false}\r\nPING\r\n").expect("PONG\r\n");
            Path rotated = Files.move(file, directory.resolve("nats.log.1"));

            Logging.reopen();
            client.send("SUB after 9\r\nPING\r\n").expect("PONG\r\n");

            assertThat(Files.readString(rotated)).contains("<<- [CONNECT {\"verbose\":false}]")
                    .doesNotContain("SUB after");
            assertThat(traces(Files.readAllLines(file))).containsSubsequence(prefix + "<<- [SUB after 9]",
                    prefix + "<<- [PING]", prefix + "->> [PONG]");
            assertThat(Files.readString(file)).contains("[INF] File log re-opened");
        }
    }

    @Test
    void theLauncherTracesToStandardErrorWithDv() throws Exception {
        try (ServerProcess server = ServerProcess.start(ServerProcess.natriumLauncher(), List.of("-DV"), START)) {
            Exchange exchange = exchange(server.port());

            List<String> lines = Files.readAllLines(server.log());
            assertThat(traces(lines)).containsSubsequence(exchange.expectedTraces());
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("[DBG] ").endsWith("Client connection created"));

            signal(server, "USR1");
            assertThat(awaitLog(server.log(), "File log re-open ignored, not a file logger"))
                    .contains("[DBG] Trapped \"user defined signal 1\" signal");
        }
    }

    /** Both clients' ids, once they are done: a subscriber, a publisher, one message, an unsubscribe. */
    private record Exchange(long subscriber, long publisher) {

        List<String> expectedTraces() {
            String sub = "cid:" + subscriber + " - \"v1.0:raw:sub\" - ";
            String pub = "cid:" + publisher + " - ";
            return List.of(
                    "cid:" + subscriber + " - <<- [CONNECT " + SUB_CONNECT + "]",
                    sub + "<<- [SUB foo 1]",
                    sub + "<<- [PING]",
                    sub + "->> [PONG]",
                    pub + "<<- [CONNECT {\"verbose\":false,\"pedantic\":false,\"user\":\"derek\",\"pass\":\"[REDACTED]\"}]",
                    pub + "<<- [PUB foo 5]",
                    pub + "<<- MSG_PAYLOAD: [\"hello\"]",
                    sub + "->> [MSG foo 1 5]",
                    sub + "->> MSG_PAYLOAD: [\"hello\"]",
                    pub + "<<- [PING]",
                    pub + "->> [PONG]",
                    sub + "<<- [UNSUB 1]",
                    sub + "<-> [DELSUB 1]",
                    sub + "<<- [PING]",
                    sub + "->> [PONG]");
        }
    }

    private static Exchange exchange(int port) throws IOException {
        try (RawClient subscriber = RawClient.connect("127.0.0.1", port);
                RawClient publisher = RawClient.connect("127.0.0.1", port)) {
            long subscriberId = clientId(subscriber);
            long publisherId = clientId(publisher);
            subscriber.send("CONNECT " + SUB_CONNECT + "\r\nSUB foo 1\r\nPING\r\n").expect("PONG\r\n");
            publisher.send("CONNECT {\"verbose\":false,\"pedantic\":false,\"user\":\"derek\",\"pass\":\"s3cr3t\"}\r\n"
                    + "PUB foo 5\r\nhello\r\nPING\r\n").expect("PONG\r\n");
            subscriber.expect("MSG foo 1 5\r\nhello\r\n");
            subscriber.send("UNSUB 1\r\nPING\r\n").expect("PONG\r\n");
            return new Exchange(subscriberId, publisherId);
        }
    }

    private static long clientId(RawClient client) throws IOException {
        Matcher id = CLIENT_ID.matcher(client.expectPattern(RawClient.INFO).group());
        assertThat(id.find()).as("INFO carries the client id").isTrue();
        return Long.parseLong(id.group(1));
    }

    /** The trace lines, from the client id on: {@code cid:5 - <<- [PING]}. */
    private static List<String> traces(List<String> lines) {
        return lines.stream().filter(line -> line.contains("[TRC] "))
                .map(line -> line.substring(line.indexOf("[TRC] ") + 6).replaceFirst("^127\\.0\\.0\\.1:\\d+ - ", ""))
                .toList();
    }

    private static void signal(ServerProcess server, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(server.process().pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** Polls the log until it contains {@code text} (the signal is handled on its own thread); returns the log. */
    private static String awaitLog(Path log, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String content = Files.readString(log);
            if (content.contains(text)) {
                return content;
            }
            if (System.nanoTime() > deadline) {
                fail("no %s in the log within 10 s:%n%s", text, content);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
