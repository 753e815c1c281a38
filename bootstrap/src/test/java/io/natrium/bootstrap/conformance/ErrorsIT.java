package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.err;
import static io.natrium.bootstrap.conformance.Wire.msg;

import io.natrium.testkit.RawClient;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed input: which gets {@code Unknown Protocol Operation}, which closes silently, and what stays open. */
class ErrorsIT {

    @RegisterExtension
    static final ConformanceServer SERVER = ConformanceServer.withDefaults();

    private static final String UNKNOWN_OPERATION = err("Unknown Protocol Operation");

    static Stream<Named<String>> unknownOperations() {
        return Stream.of("ZZZ\r\n", "ZZZ", "PUBS foo 2\r\nok\r\n", "SUBZZZ foo 1\r\n", "UNSUB_2\r\n", "UNSUB\r\n",
                " PING\r\n", "\r\n", "MSG foo 1 2\r\nhi\r\n", "RMSG foo\r\n", "LMSG foo 2\r\nhi\r\n", "RS+ foo\r\n",
                "RS- foo\r\n", "LS+ foo\r\n", "A+ foo\r\n", "A- foo\r\n", "PUB foo 2\r\nhiX\r\n",
                "PUB foo 2\r\nok \r\n", "PUB foo 2\r\nhi\nPING\r\n").map(Wire::shown);
    }

    @ParameterizedTest
    @MethodSource("unknownOperations")
    void anUnknownOperationOrABadPayloadEndIsReportedAndCloses(String input) throws IOException {
        SERVER.quiet().send(input).expectClose(UNKNOWN_OPERATION);
    }

    static Stream<Named<String>> silentCloses() {
        return Stream.of("PUB foo\r\n", "PUB foo a b 2\r\n", "PUB foo x\r\n", "PUB foo -1\r\n",
                "PUB foo 1234567890\r\n",
                "PUB foo 2\rhi\r\n", "SUB foo\r\n", "SUB foo bar baz 22\r\n", "UNSUB 1 2 3\r\n",
                "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", "CONNECT {bad\r\n", "INFO {x\r\n", "INFO  \r\n", "INFO\r\n")
                .map(Wire::shown);
    }

    @ParameterizedTest
    @MethodSource("silentCloses")
    void badArgumentsCloseWithoutAnError(String input) throws IOException {
        SERVER.quiet().send(input + PING).expectClose("");
    }

    @Test
    void anErrFromTheClientClosesTheConnection() throws IOException {
        SERVER.quiet().send(PING + "-ERR 'client trouble'\r\n" + PING).expectClose(PONG);
    }

    @Test
    void repliesEarlierInTheSameReadAreDeliveredBeforeTheError() throws IOException {
        SERVER.quiet().send("SUB foo 1\r\nPUB foo 2\r\nhi\r\n" + PING + "ZZZ\r\n" + PING)
                .expectClose(msg("foo", "1", "hi") + PONG + UNKNOWN_OPERATION);
    }

    @Test
    void repliesEarlierInTheSameReadAreDeliveredBeforeASilentClose() throws IOException {
        SERVER.quiet().send("SUB foo 1\r\nPUB foo 2\r\nhi\r\n" + PING + "PUB foo\r\n" + PING)
                .expectClose(msg("foo", "1", "hi") + PONG);
    }

    @Test
    void anUnknownOperationIsReportedBeforeItsLineEnds() throws IOException {
        SERVER.quiet().send("PUX").expectClose(UNKNOWN_OPERATION);
    }

    static Stream<Named<String>> ignoredFromClients() {
        return Stream.of("+OK\r\n", "PONG\r\n", "PONG  \r\n", "INFO {}\r\n", "INFO {\"server_id\":\"x\"}\r\n")
                .map(Wire::shown);
    }

    @ParameterizedTest
    @MethodSource("ignoredFromClients")
    void operationsTheServerDoesNotActOnAreAccepted(String input) throws IOException {
        SERVER.quiet().send(input + "SUB foo 1\r\nPUB foo 2\r\nhi\r\n" + PING)
                .expect(msg("foo", "1", "hi") + PONG);
    }

    @Test
    void argumentsAfterPingAreIgnored() throws IOException {
        SERVER.quiet().send("PING extra words\r\n").expect(PONG);
    }

    @Test
    void aProtocolLineSplitAcrossWritesIsReassembled() throws IOException {
        RawClient client = SERVER.quiet();
        for (String piece : new String[] {"SU", "B fo", "o 1\r", "\nPUB foo 2\r\nh", "i", "\r", "\n", "PI", "NG\r\n"}) {
            client.send(piece);
        }
        client.expect(msg("foo", "1", "hi") + PONG);
    }
}
