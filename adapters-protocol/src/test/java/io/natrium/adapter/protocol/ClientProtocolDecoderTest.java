package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static io.natrium.adapter.protocol.ProtocolText.printable;
import static io.natrium.adapter.protocol.ProtocolText.repeat;
import static io.natrium.application.port.in.ProtocolError.HEADERS_NOT_SUPPORTED;
import static io.natrium.application.port.in.ProtocolError.MALFORMED_ARGUMENTS;
import static io.natrium.application.port.in.ProtocolError.MALFORMED_JSON;
import static io.natrium.application.port.in.ProtocolError.MAX_CONTROL_LINE_EXCEEDED;
import static io.natrium.application.port.in.ProtocolError.MAX_PAYLOAD_EXCEEDED;
import static io.natrium.application.port.in.ProtocolError.OPERATION_BEFORE_CONNECT;
import static io.natrium.application.port.in.ProtocolError.UNKNOWN_OPERATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.protocol.ProtocolChannel.Recording;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ProtocolTracer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoder against a recording session. Every input is fed whole, one byte at a time and in random splits
 * (through the handler's {@code CarriedInput}, which carries an unfinished operation to the next read), and all of
 * them must record the same calls.
 */
class ClientProtocolDecoderTest {

    private static final int SEEDS = 40;
    /** Appended after every malformed input: none of it may reach the session. */
    private static final String TRAILER = "PING\r\nSUB after 1\r\n";
    private static final String HEADER = "NATS/1.0\r\n\r\n";
    private static final int SMALL_LIMIT = 16;
    private static final String ALL_BYTES = IntStream.range(0, 256)
            .collect(StringBuilder::new, (text, b) -> text.append((char) b), StringBuilder::append).toString();

    static Stream<Arguments> validInputs() {
        return Stream.of(
                valid("CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":\"n\"}\r\n",
                        "CONNECT {verbose=false, pedantic=false, name=n}"),
                valid("CONNECT {}\r\n", "CONNECT {}"),
                // nats-server needs no space after CONNECT (or INFO) and accepts JSON null.
                valid("CONNECT{\"echo\":false}\r\n", "CONNECT {echo=false}"),
                valid("CONNECT \t null\r\n", "CONNECT {}"),
                // Go replaces a byte that is not UTF-8 in a JSON string; it does not reject the JSON.
                valid("CONNECT {\"name\":\"a\u00ffb\"}\r\nINFO {\"server_name\":\"\u00ff\"}\r\nPING\r\n",
                        "CONNECT {name=a\ufffdb}", "PING"),
                valid("PUB foo 5\r\nhello\r\n", "PUB foo 5 [hello]"),
                valid("PUB foo reply 5\r\nhello\r\n", "PUB foo reply 5 [hello]"),
                valid("HPUB foo 12 14\r\n" + HEADER + "hi\r\n", "HPUB foo 12 14 [" + HEADER + "hi]"),
                valid("HPUB foo reply 12 14\r\n" + HEADER + "hi\r\n", "HPUB foo reply 12 14 [" + HEADER + "hi]"),
                valid("HPUB foo 0 2\r\nhi\r\n", "PUB foo 2 [hi]"),
                valid("SUB foo 1\r\n", "SUB foo 1"),
                valid("SUB foo q 1\r\n", "SUB foo q 1"),
                valid("SUB caf\u00c3\u00a9.> sid-\u00e2\u0082\u00ac\r\n", "SUB caf\u00e9.> sid-\u20ac"),
                valid("UNSUB 1\r\n", "UNSUB 1"),
                valid("UNSUB 1 5\r\nUNSUB 2 0\r\n", "UNSUB 1 5", "UNSUB 2 0"),
                // A max that is not a number is no max: nats-server removes the subscription.
                valid("UNSUB 1 x\r\n", "UNSUB 1"),
                valid("PING\r\nPONG\r\n", "PING", "PONG"),
                valid("+OK\r\nPING\r\n", "PING"),
                valid("INFO {\"server_id\":\"x\",\"port\":4222}\r\nINFO{}\r\nINFO null\r\nPING\r\n", "PING"),
                valid("-ERR 'Unknown Protocol Operation'\r\n" + TRAILER, "-ERR 'Unknown Protocol Operation'"),
                valid("-ERR\t  some text \r\n", "-ERR some text "),
                valid("connect {}\r\nsub foo 1\r\nunsub 1\r\npub foo 2\r\nhi\r\nhpub foo 12 12\r\n" + HEADER + "\r\n"
                                + "ping\r\npong\r\n+ok\r\ninfo {}\r\n-err bye\r\n",
                        "CONNECT {}", "SUB foo 1", "UNSUB 1", "PUB foo 2 [hi]", "HPUB foo 12 12 [" + HEADER + "]",
                        "PING", "PONG", "-ERR bye"),
                valid("CoNnEcT {}\r\nSuB foo 1\r\nUnSuB 1\r\nPuB foo 0\r\n\r\nHpUb foo 0 0\r\n\r\nPiNg\r\nPoNg\r\n"
                                + "+oK\r\nInFo {}\r\n-eRr x\r\n",
                        "CONNECT {}", "SUB foo 1", "UNSUB 1", "PUB foo 0 []", "PUB foo 0 []", "PING", "PONG",
                        "-ERR x"),
                valid("PUB\tfoo \t reply\t\t5 \t\r\nhello\r\n", "PUB foo reply 5 [hello]"),
                valid("HPUB \t foo\t\t12  14\r\n" + HEADER + "hi\r\n", "HPUB foo 12 14 [" + HEADER + "hi]"),
                valid("SUB  \tfoo\t\tq   1\t\r\n", "SUB foo q 1"),
                valid("UNSUB\t 1 \t 2 \r\n", "UNSUB 1 2"),
                valid("CONNECT {}\nSUB foo 1\nPUB foo 5\nhello\r\nHPUB foo 12 12\n" + HEADER + "\r\nUNSUB 1\n"
                                + "PING\nPONG\n+OK\nINFO {}\n",
                        "CONNECT {}", "SUB foo 1", "PUB foo 5 [hello]", "HPUB foo 12 12 [" + HEADER + "]",
                        "UNSUB 1", "PING", "PONG"),
                valid("PUB foo 0\r\n\r\nPUB foo reply 0\r\n\r\n", "PUB foo 0 []", "PUB foo reply 0 []"),
                valid("PUB foo 13\r\nPING\r\nPUB x\r\n\r\n", "PUB foo 13 [PING\r\nPUB x\r\n]"),
                valid("PUB foo 2\r\n\r\n\r\n", "PUB foo 2 [\r\n]"),
                valid("PUB foo 000000005\r\nhello\r\n", "PUB foo 5 [hello]"),
                valid("PUB bin 256\r\n" + ALL_BYTES + "\r\n", "PUB bin 256 [" + ALL_BYTES + "]"),
                // Subjects and replies longer than the decoder's scratch, then short ones in the same scratch.
                valid("PUB " + repeat('s', 200) + " " + repeat('r', 300) + " 2\r\nhi\r\nPUB a b 1\r\nx\r\n",
                        "PUB " + repeat('s', 200) + " " + repeat('r', 300) + " 2 [hi]", "PUB a b 1 [x]"),
                valid("PUB big 5000\r\n" + repeat('x', 5000) + "\r\n", "PUB big 5000 [" + repeat('x', 5000) + "]"),
                valid("CONNECT {\"verbose\":false}\r\nSUB foo 1\r\nSUB bar q 2\r\nPUB foo r 3\r\nabc\r\n"
                                + "HPUB bar 12 15\r\n" + HEADER + "xyz\r\nUNSUB 1 1\r\nUNSUB 2\r\nPING\r\n",
                        "CONNECT {verbose=false}", "SUB foo 1", "SUB bar q 2", "PUB foo r 3 [abc]",
                        "HPUB bar 12 15 [" + HEADER + "xyz]", "UNSUB 1 1", "UNSUB 2", "PING"),
                // nats-server ignores everything after PING, PONG and +OK up to the line feed.
                valid("PINGxyz\r\nPONG junk\r\n+OKxyz\r\n", "PING", "PONG"),
                valid("PING\rPONG\r\n", "PING"),
                // A client's HMSG is read as an empty message to no subject (nats-server answers +OK to it).
                valid("HMSG foo 1 2 2\r\n\r\nPING\r\n", "PUB  0 []", "PING"),
                // A CR anywhere in the line drops the byte before the line feed, as in nats-server.
                valid("SUB foo 1\r2\n", "SUB foo 1"));
    }

    static Stream<Arguments> malformedInputs() {
        Supplier<RecordingSession> small = () -> new RecordingSession().maxControlLine(SMALL_LIMIT)
                .maxPayload(1024);
        Supplier<RecordingSession> noHeaders = () -> new RecordingSession().acceptsHeaders(false);
        return Stream.of(
                malformed("FOO\r\n", UNKNOWN_OPERATION),
                malformed("MSG foo 1 1\r\nx\r\n", UNKNOWN_OPERATION),
                malformed("RS+ foo 1\r\n", UNKNOWN_OPERATION),
                malformed("RS- foo\r\n", UNKNOWN_OPERATION),
                malformed("RMSG $G foo 1\r\nx\r\n", UNKNOWN_OPERATION),
                malformed("LS+ x\r\n", UNKNOWN_OPERATION),
                malformed("LS- x\r\n", UNKNOWN_OPERATION),
                malformed("LMSG x 1\r\nx\r\n", UNKNOWN_OPERATION),
                malformed("A+ x\r\n", UNKNOWN_OPERATION),
                malformed("A- x\r\n", UNKNOWN_OPERATION),
                malformed(" PING\r\n", UNKNOWN_OPERATION),
                malformed("\tPING\r\n", UNKNOWN_OPERATION),
                malformed("\r\n", UNKNOWN_OPERATION),
                malformed("\n", UNKNOWN_OPERATION),
                malformed("P\r\n", UNKNOWN_OPERATION),
                malformed("PUX\r\n", UNKNOWN_OPERATION),
                malformed("PINX\r\n", UNKNOWN_OPERATION),
                malformed("PONX\r\n", UNKNOWN_OPERATION),
                malformed("HX\r\n", UNKNOWN_OPERATION),
                malformed("HPUX foo 0 0\r\n", UNKNOWN_OPERATION),
                malformed("HMX foo\r\n", UNKNOWN_OPERATION),
                malformed("SUX foo 1\r\n", UNKNOWN_OPERATION),
                malformed("UNSUX 1\r\n", UNKNOWN_OPERATION),
                malformed("UNSUB_2\r\n", UNKNOWN_OPERATION),
                malformed("CONECT {}\r\n", UNKNOWN_OPERATION),
                malformed("CONNECX {}\r\n", UNKNOWN_OPERATION),
                malformed("INFX {}\r\n", UNKNOWN_OPERATION),
                malformed("+OX\r\n", UNKNOWN_OPERATION),
                malformed("-ERX\r\n", UNKNOWN_OPERATION),
                malformed("PUB\r\n", UNKNOWN_OPERATION),
                malformed("PUBfoo 1\r\nx\r\n", UNKNOWN_OPERATION),
                malformed("HPUB\r\n", UNKNOWN_OPERATION),
                malformed("HPUBfoo 0 0\r\n\r\n", UNKNOWN_OPERATION),
                malformed("HMSG\r\n", UNKNOWN_OPERATION),
                malformed("SUB\r\n", UNKNOWN_OPERATION),
                malformed("SUBfoo 1\r\n", UNKNOWN_OPERATION),
                malformed("UNSUB\r\n", UNKNOWN_OPERATION),
                malformed("UNSUB1\r\n", UNKNOWN_OPERATION),
                malformed("-ERR\r\n", UNKNOWN_OPERATION),
                malformed("-ERR'x'\r\n", UNKNOWN_OPERATION),
                malformed("PUB foo 2\r\nok \r\n", UNKNOWN_OPERATION),
                malformed("PUB foo 3\r\nabc\n", UNKNOWN_OPERATION),
                malformed("PUB foo 3\r\nabcd\r\n", UNKNOWN_OPERATION),
                malformed("PUB foo 3\r\nabc\r\r\n", UNKNOWN_OPERATION),
                malformed("HPUB foo 12 12\r\n" + HEADER + "X\r\n", UNKNOWN_OPERATION),
                malformed("HMSG foo 1 2 2\r\nhi\r\n", UNKNOWN_OPERATION),
                malformed("PUB \r\n", MALFORMED_ARGUMENTS),
                malformed("PUB foo\r\n", MALFORMED_ARGUMENTS),
                malformed("PUB foo bar baz 22\r\n", MALFORMED_ARGUMENTS),
                malformed("PUB a b c d e f g\r\n", MALFORMED_ARGUMENTS),
                malformed("HPUB foo 12\r\n", MALFORMED_ARGUMENTS),
                malformed("HPUB foo bar baz 1 22\r\n", MALFORMED_ARGUMENTS),
                malformed("HPUB a b c d e f g\r\n", MALFORMED_ARGUMENTS),
                malformed("SUB \r\n", MALFORMED_ARGUMENTS),
                malformed("SUB foo\r\n", MALFORMED_ARGUMENTS),
                malformed("SUB foo bar baz 22\r\n", MALFORMED_ARGUMENTS),
                malformed("UNSUB \r\n", MALFORMED_ARGUMENTS),
                malformed("UNSUB 1 2 3\r\n", MALFORMED_ARGUMENTS),
                malformed("PUB foo x\r\n", MALFORMED_ARGUMENTS),
                malformed("PUB foo -1\r\n", MALFORMED_ARGUMENTS),
                malformed("PUB foo +1\r\n", MALFORMED_ARGUMENTS),
                malformed("PUB foo 1x\r\n", MALFORMED_ARGUMENTS),
                malformed("PUB foo 1234567890\r\n", MALFORMED_ARGUMENTS),
                malformed("PUB foo 0000000001\r\n", MALFORMED_ARGUMENTS),
                malformed("HPUB foo x 1\r\n", MALFORMED_ARGUMENTS),
                malformed("HPUB foo 1 x\r\n", MALFORMED_ARGUMENTS),
                malformed("HPUB foo -1 2\r\n", MALFORMED_ARGUMENTS),
                malformed("HPUB foo 3 2\r\n", MALFORMED_ARGUMENTS),
                malformed("HPUB foo 1 1234567890\r\n", MALFORMED_ARGUMENTS),
                malformed(small, "PUB foo 1025\r\n", MAX_PAYLOAD_EXCEEDED),
                malformed(small, "PUB foo r 999999999\r\n", MAX_PAYLOAD_EXCEEDED),
                malformed(small, "HPUB foo 10 1025\r\n", MAX_PAYLOAD_EXCEEDED),
                malformed(small, "SUB " + repeat('a', SMALL_LIMIT - 1) + " 1\r\n", MAX_CONTROL_LINE_EXCEEDED),
                malformed(small, "PUB foo reply.abcde 5\r\nhello\r\n", MAX_CONTROL_LINE_EXCEEDED),
                malformed(small, "CONNECT {\"name\":\"abcdefghi\"}\r\n", MAX_CONTROL_LINE_EXCEEDED),
                malformed(small, "-ERR " + repeat('e', SMALL_LIMIT + 1) + "\r\n", MAX_CONTROL_LINE_EXCEEDED),
                malformed(noHeaders, "HPUB foo 12 14\r\n" + HEADER + "hi\r\n", HEADERS_NOT_SUPPORTED),
                malformed(noHeaders, "HPUB garbage\r\n", HEADERS_NOT_SUPPORTED),
                malformed("CONNECT {\"verbose\":\"yes\"}\r\n", MALFORMED_JSON),
                malformed("CONNECT {\"protocol\":1.5}\r\n", MALFORMED_JSON),
                malformed("CONNECT {\"protocol\":\"1\"}\r\n", MALFORMED_JSON),
                malformed("CONNECT {\"name\":5}\r\n", MALFORMED_JSON),
                malformed("CONNECT {} x\r\n", MALFORMED_JSON),
                malformed("CONNECT {\r\n", MALFORMED_JSON),
                malformed("CONNECT []\r\n", MALFORMED_JSON),
                malformed("CONNECT \"x\"\r\n", MALFORMED_JSON),
                malformed("CONNECT \r\n", MALFORMED_JSON),
                malformed("INFO {\r\n", MALFORMED_JSON),
                malformed("INFO [1]\r\n", MALFORMED_JSON),
                malformed("INFO {} {}\r\n", MALFORMED_JSON),
                malformed("INFO \r\n", MALFORMED_JSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validInputs")
    void validInputIsDecodedTheSameWholeByteByByteAndInRandomSplits(String input, List<String> calls) {
        assertDecodedAllWays(RecordingSession::new, input, calls);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedInputs")
    void malformedInputIsReportedOnceAndNothingAfterItIsDispatched(Supplier<RecordingSession> sessions,
            String input, List<String> calls) {
        assertDecodedAllWays(sessions, input, calls);
    }

    @Test
    void maxPayloadIsCheckedFromTheSizeBeforeAnyBodyByteArrives() {
        RecordingSession session = new RecordingSession().maxPayload(1024);
        try (ProtocolChannel channel = new ProtocolChannel(session)) {
            channel.feed("PUB foo 1025\r\n");
            assertThat(session.calls()).containsExactly("error MAX_PAYLOAD_EXCEEDED");
            assertThat(session.subjectChecks()).isEmpty();
        }
    }

    @Test
    void aRefusedPayloadIsSaidToHaveArrivedOnlyWhenSomeOfItsBodyCameWithTheLine() {
        ByteBuf in = Unpooled.buffer();
        try {
            ClientProtocolDecoder lineOnly = new ClientProtocolDecoder(new RecordingSession().maxPayload(4),
                    ProtocolTracer.OFF);
            lineOnly.decode(in.writeBytes(bytes("PUB foo 5\r\n")), in.readableBytes());
            assertThat(lineOnly.refusedPayloadArrived()).isFalse();

            in.clear();
            ClientProtocolDecoder withBody = new ClientProtocolDecoder(new RecordingSession().maxPayload(4),
                    ProtocolTracer.OFF);
            withBody.decode(in.writeBytes(bytes("PUB foo 5\r\nhe")), in.readableBytes());
            assertThat(withBody.refusedPayloadArrived()).isTrue();
            assertThat(in.isReadable()).isFalse();

            in.clear();
            ClientProtocolDecoder otherError = new ClientProtocolDecoder(new RecordingSession(), ProtocolTracer.OFF);
            otherError.decode(in.writeBytes(bytes("FOO\r\nPING\r\n")), in.readableBytes());
            assertThat(otherError.refusedPayloadArrived()).isFalse();
        } finally {
            in.release();
        }
    }

    @Test
    void aPayloadOfExactlyMaxPayloadIsAccepted() {
        String body = repeat('b', 1024);
        assertDecodedAllWays(() -> new RecordingSession().maxPayload(1024), "PUB foo 1024\r\n" + body + "\r\n",
                List.of("PUB foo 1024 [" + body + "]"));
    }

    @Test
    void aControlLineOfExactlyMaxControlLineIsAcceptedHoweverItIsSplit() {
        String arguments = repeat('a', SMALL_LIMIT - 2) + " 1";
        assertDecodedAllWays(() -> new RecordingSession().maxControlLine(SMALL_LIMIT), "SUB " + arguments + "\r\n",
                List.of("SUB " + repeat('a', SMALL_LIMIT - 2) + " 1"));
    }

    @Test
    void aControlLineThatReachesMaxControlLineWithoutALineEndIsNotYetAnError() {
        assertDecodedAllWays(() -> new RecordingSession().maxControlLine(SMALL_LIMIT),
                "SUB " + repeat('a', SMALL_LIMIT) + "\r", List.of());
    }

    @Test
    void aControlLineLongerThanMaxControlLineIsAnErrorBeforeItsLineEndArrives() {
        Supplier<RecordingSession> sessions = () -> new RecordingSession().maxControlLine(SMALL_LIMIT);
        List<String> exceeded = List.of("error MAX_CONTROL_LINE_EXCEEDED");
        assertDecodedAllWays(sessions, "SUB " + repeat('a', SMALL_LIMIT + 1), exceeded);
        // The spaces before the arguments are not part of the line; the arguments are.
        assertDecodedAllWays(sessions, "CONNECT " + repeat(' ', 100) + repeat('{', SMALL_LIMIT + 1), exceeded);
    }

    @Test
    void aControlLineAccumulatedOverManyReadsIsCheckedAtEveryRead() {
        RecordingSession session = new RecordingSession().maxControlLine(SMALL_LIMIT);
        try (ProtocolChannel channel = new ProtocolChannel(session)) {
            channel.feed("SUB ");
            for (int i = 0; i < SMALL_LIMIT; i++) {
                channel.feed("a");
            }
            assertThat(session.calls()).isEmpty();
            channel.feed("a");
            assertThat(session.calls()).containsExactly("error MAX_CONTROL_LINE_EXCEEDED");
        }
    }

    @Test
    void aCarriageReturnInsideALongLineCountsAsDroppedWhenTheLineIsSplit() {
        // Whole, the line is 17 bytes; the CR in it drops the byte before the LF, leaving 16: not over the limit.
        assertDecodedAllWays(() -> new RecordingSession().maxControlLine(SMALL_LIMIT),
                "SUB foo\rbar 123456789\n", List.of("SUB foo bar 12345678"));
    }

    @Test
    void thePublishSubjectIsCheckedWhenTheLineIsReadBeforeTheBody() {
        RecordingSession session = new RecordingSession();
        try (ProtocolChannel channel = new ProtocolChannel(session)) {
            channel.feed("PUB foo 5\r\nhel");
            assertThat(session.subjectChecks()).containsExactly("foo");
            assertThat(session.calls()).isEmpty();
            channel.feed("lo\r\nHPUB bar r 12 12\r\n");
            assertThat(session.subjectChecks()).containsExactly("foo", "bar");
            assertThat(session.calls()).containsExactly("PUB foo 5 [hello]");
        }
    }

    @Test
    void operationsOtherThanConnectAreRefusedUntilTheSessionAcceptsThem() {
        Supplier<RecordingSession> awaitingAuth = () -> new RecordingSession().authRequired();
        assertDecodedAllWays(awaitingAuth, "PING\r\n" + TRAILER, List.of("error OPERATION_BEFORE_CONNECT"));
        assertDecodedAllWays(awaitingAuth, "SUB foo 1\r\n", List.of("error OPERATION_BEFORE_CONNECT"));
        assertDecodedAllWays(awaitingAuth, "CONX\r\n", List.of("error UNKNOWN_OPERATION"));
        assertDecodedAllWays(awaitingAuth, "connect {}\r\nPING\r\nSUB foo 1\r\n",
                List.of("CONNECT {}", "PING", "SUB foo 1"));
    }

    @Test
    void decodeConsumesCompleteOperationsAndLeavesAnIncompleteLineOrBodyInTheBuffer() {
        RecordingSession session = new RecordingSession();
        ClientProtocolDecoder decoder = new ClientProtocolDecoder(session, ProtocolTracer.OFF);
        ByteBuf in = Unpooled.buffer();
        try {
            in.writeBytes(bytes("PING\r\nPUB foo 5\r\nhel"));
            decoder.decode(in, in.readableBytes());
            assertThat(in.readerIndex()).isEqualTo("PING\r\nPUB foo 5\r\n".length());
            assertThat(session.calls()).containsExactly("PING");

            in.writeBytes(bytes("lo\r\nSUB foo"));
            decoder.decode(in, in.readableBytes());
            assertThat(ProtocolText.text(unread(in))).isEqualTo("foo");
            assertThat(session.calls()).containsExactly("PING", "PUB foo 5 [hello]");

            in.discardReadBytes().writeBytes(bytes(" 1\r\n"));
            decoder.decode(in, in.readableBytes());
            assertThat(in.isReadable()).isFalse();
            assertThat(session.calls()).containsExactly("PING", "PUB foo 5 [hello]", "SUB foo 1");
        } finally {
            in.release();
        }
    }

    @Test
    void decodeSkipsEverythingOnceTheSessionIsClosed() {
        RecordingSession session = new RecordingSession();
        ClientProtocolDecoder decoder = new ClientProtocolDecoder(session, ProtocolTracer.OFF);
        ByteBuf in = Unpooled.buffer();
        try {
            decoder.decode(in.writeBytes(bytes("FOO\r\nPING\r\n")), in.readableBytes());
            assertThat(in.isReadable()).isFalse();
            decoder.decode(in.writeBytes(bytes("PING\r\n")), in.readableBytes());
            assertThat(in.isReadable()).isFalse();
            assertThat(session.calls()).containsExactly("error UNKNOWN_OPERATION");
        } finally {
            in.release();
        }
    }

    private static void assertDecodedAllWays(Supplier<RecordingSession> sessions, String input, List<String> calls) {
        Map<String, Recording> recordings = ProtocolChannel.recordAllWays(sessions, bytes(input), SEEDS);
        Recording whole = recordings.get("whole");
        assertThat(whole.calls()).as("calls, input fed whole").containsExactlyElementsOf(calls);
        recordings.forEach((way, recording) -> assertThat(recording).as(way).isEqualTo(whole));
    }

    private static Arguments valid(String input, String... calls) {
        return Arguments.of(Named.of(printable(input), input), List.of(calls));
    }

    private static Arguments malformed(String input, ProtocolError error) {
        return malformed(RecordingSession::new, input, error);
    }

    /** Preceded by a PING, which must still be dispatched, and followed by {@link #TRAILER}, which must not. */
    private static Arguments malformed(Supplier<RecordingSession> sessions, String input, ProtocolError error) {
        return Arguments.of(sessions, Named.of(printable(input) + " -> " + error, "PING\r\n" + input + TRAILER),
                List.of("PING", "error " + error));
    }

    private static byte[] unread(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        return bytes;
    }
}
