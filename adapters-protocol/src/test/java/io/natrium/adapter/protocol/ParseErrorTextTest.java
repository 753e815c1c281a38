package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static io.natrium.adapter.protocol.ProtocolText.printable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoder words each protocol error as nats-server logs it. The texts below were logged by nats-server 2.9.10
 * for the same input sent in one write (HPUB after a CONNECT with headers). Its parse errors count from the start of
 * the read and quote the read from the bad byte on, so the split tests pin down what a read is.
 */
class ParseErrorTextTest {

    private static final String CONNECT = "CONNECT {}\r\n";

    static Stream<Arguments> inputsReadWhole() {
        return Stream.of(
                whole(CONNECT + "ZZZ\r\n", "Client parser ERROR, state=0, i=12: proto='\"ZZZ\\r\"...'"),
                whole(CONNECT + "PUBS foo 2\r\nok\r\n",
                        "Client parser ERROR, state=31, i=15: proto='\"S foo 2\\r\\nok\\r\"...'"),
                whole(CONNECT + "PUB foo 2\r\nhiX\r\n", "Client parser ERROR, state=41, i=25: proto='\"X\\r\"...'"),
                whole(CONNECT + "PUB foo 2\r\nhi\rX", "Client parser ERROR, state=42, i=26: proto='\"\"...'"),
                whole(CONNECT + "pinX\r\n", "Client parser ERROR, state=35, i=15: proto='\"X\\r\"...'"),
                whole(CONNECT + "HMX\r\n", "Client parser ERROR, state=24, i=14: proto='\"X\\r\"...'"),
                whole(CONNECT + "UNSUBX\r\n", "Client parser ERROR, state=63, i=17: proto='\"X\\r\"...'"),
                whole(CONNECT + "-ERX\r\n", "Client parser ERROR, state=6, i=15: proto='\"X\\r\"...'"),
                whole(CONNECT + "\u00ff\u00feZ\r\n", "Client parser ERROR, state=0, i=12: proto='\"\\xff\\xfeZ\\r\"...'"),
                whole(CONNECT + "Q" + "x".repeat(40) + "\r\n",
                        "Client parser ERROR, state=0, i=12: proto='\"Q" + "x".repeat(31) + "\"...'"),
                whole(CONNECT + "SUB " + "a".repeat(4097) + " 1\r\n", "maximum control line exceeded: State 47, "
                        + "max_control_line 4096, Buffer len 0 (snip: \"" + "a".repeat(128) + "\"...)"),
                whole(CONNECT + "PUB foo\r\n", "processPub Parse Error: \"foo\""),
                whole(CONNECT + "PUB foo -1\r\n", "processPub Bad or Missing Size: \"foo -1\""),
                whole(CONNECT + "PUB foo 1048577\r\n", "maximum payload exceeded: 1048577 vs 1048576"),
                whole(CONNECT + "HPUB foo 14 12\r\n",
                        "processHeaderPub Header Size larger then TotalSize: \"foo 14 12\""),
                whole(CONNECT + "HPUB foo x 12\r\n", "processHeaderPub Bad or Missing Header Size: \"foo x 12\""),
                whole(CONNECT + "HPUB foo 12 x\r\n", "processHeaderPub Bad or Missing Total Size: \"foo 12 x\""),
                whole(CONNECT + "HPUB foo\r\n", "processHeaderPub Parse Error: \"foo\""),
                whole(CONNECT + "SUB foo bar baz 22\r\n", "processSub Parse Error: \"foo bar baz 22\""),
                whole(CONNECT + "UNSUB 1 2 3\r\n", "processUnsub Parse Error: \"1 2 3\""),
                whole(CONNECT + "SUB f\u00ff\t\"q\" 1 2\r\n", "processSub Parse Error: \"f\\xff\\t\\\"q\\\" 1 2\""));
    }

    @ParameterizedTest
    @MethodSource("inputsReadWhole")
    void aProtocolErrorIsWordedAsNatsServerLogsIt(String input, String detail) {
        assertThat(details(new RecordingSession(), input)).containsExactly(detail);
    }

    @Test
    void anHpubWithoutHeadersIsWordedAsNatsServerLogsIt() {
        assertThat(details(new RecordingSession().acceptsHeaders(false), CONNECT + "HPUB foo 12 14\r\n"))
                .containsExactly("message headers not supported");
    }

    @Test
    void aBadByteIsCountedFromTheStartOfItsReadAndQuotedToTheEndOfIt() {
        assertThat(details(new RecordingSession(), CONNECT + "PU", "BS foo\r\nPING\r\n"))
                .containsExactly("Client parser ERROR, state=31, i=1: proto='\"S foo\\r\\nPING\\r\"...'");
        assertThat(details(new RecordingSession(), CONNECT + "PUB foo 2\r\nhi", "\rX\r\n"))
                .containsExactly("Client parser ERROR, state=42, i=1: proto='\"X\\r\"...'");
    }

    @Test
    void aBadByteReadAloneQuotesNothing() {
        String[] bytes = (CONNECT + "PUBS").split("");

        assertThat(details(new RecordingSession(), bytes))
                .containsExactly("Client parser ERROR, state=31, i=0: proto='\"\"...'");
    }

    @Test
    void aControlLineTooLongBeforeItEndsShowsWhatWasHeldBack() {
        RecordingSession session = new RecordingSession().maxControlLine(16);

        assertThat(details(session, CONNECT + "SUB " + "a".repeat(10), "a".repeat(10)))
                .containsExactly("maximum control line exceeded: State 47, max_control_line 16, Buffer len 20 "
                        + "(snip: \"" + "a".repeat(19) + "\"...)");
    }

    @Test
    void anOperationBeforeConnectLeavesTheWordingToTheSession() {
        assertThat(details(new RecordingSession().authRequired(), "PING\r\n")).containsExactly((String) null);
    }

    /** Feeds each part as one read and returns the error details the session was given. */
    private static List<String> details(RecordingSession session, String... reads) {
        try (ProtocolChannel channel = new ProtocolChannel(session)) {
            for (String read : reads) {
                channel.feed(bytes(read));
            }
        }
        return session.errorDetails();
    }

    private static Arguments whole(String input, String detail) {
        return Arguments.of(Named.of(printable(input), input), detail);
    }
}
