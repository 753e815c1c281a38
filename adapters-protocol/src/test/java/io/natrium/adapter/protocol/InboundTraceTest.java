package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static io.natrium.adapter.protocol.ProtocolText.printable;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RecordingTracer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the decoder traces with tracing on ({@code -V}): every operation a client sends, as nats-server writes it,
 * checked against lines taken from a real nats-server's trace. Every input is fed whole, byte by byte and in random
 * splits; the trace may not depend on how the bytes arrived.
 */
class InboundTraceTest {

    private static final int SEEDS = 10;
    private static final String HPUB = "HPUB foo 18 23\r\nNATS/1.0\r\nA: b\r\n\r\nhello\r\n";

    static Stream<Arguments> traces() {
        return Stream.of(
                traced("CONNECT {\"verbose\":false,\"user\":\"derek\",\"pass\":\"s3cr3t\"}\r\n",
                        "<<- [CONNECT {\"verbose\":false,\"user\":\"derek\",\"pass\":\"[REDACTED]\"}]"),
                traced("PUB foo 5\r\nhello\r\n", "<<- [PUB foo 5]", "<<- MSG_PAYLOAD: [\"hello\"]"),
                // The arguments as the client wrote them: spaces, tabs, leading zeros.
                traced("PUB foo  reply 006\r\nhe\u0000\u00e2\u0082\u00ac\r\n", "<<- [PUB foo  reply 006]",
                        "<<- MSG_PAYLOAD: [\"he\\x00€\"]"),
                traced("sub  bar\t 2\r\nUNSUB 2 1\r\n", "<<- [SUB bar\t 2]", "<<- [UNSUB 2 1]"),
                traced("PING\r\npong\r\n", "<<- [PING]", "<<- [PONG]"),
                traced(HPUB, "<<- [HPUB foo 18 23]", "<<- MSG_PAYLOAD: [\"NATS/1.0\\r\\nA: b\\r\\n\\r\\nhello\"]"),
                // nats-server writes no payload line for an empty message.
                traced("PUB foo 0\r\n\r\n", "<<- [PUB foo 0]"),
                // Go's %q: printable UTF-8 stays, control characters and bytes that are not UTF-8 are escaped.
                traced("PUB foo 12\r\nhe\u0000\u00e2\u0082\u00ac\u00ff\"\\\t\u007f\u0001\r\n", "<<- [PUB foo 12]",
                        "<<- MSG_PAYLOAD: [\"he\\x00€\\xff\\\"\\\\\\t\\x7f\\x01\"]"),
                traced("PUB foo 8\r\n\u00f0\u009f\u0098\u0080\u00c2\u0085\u00e2\u0080\r\n", "<<- [PUB foo 8]",
                        "<<- MSG_PAYLOAD: [\"\ud83d\ude00\\u0085\\xe2\\x80\"]"),
                // Arguments with the client's bytes, UTF-8 or not (kept for the log to write back as they came).
                traced("SUB w.\u00ff q\u00c3\u00a9 1\u00fe\r\nCONNECT {\"name\":\"\u00ff\"}\r\n",
                        "<<- [SUB w.\udcff q\u00e9 1\udcfe]", "<<- [CONNECT {\"name\":\"\udcff\"}]"),
                // INFO and +OK from a client are read, not traced.
                traced("INFO {}\r\n+OK\r\nPING\r\n", "<<- [PING]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void tracesEachOperationAsNatsServerDoes(byte[] input, List<String> expected) {
        assertThat(traceAllWays(input, tracer -> tracer)).allSatisfy(
                (way, lines) -> assertThat(lines).as(way).containsExactlyElementsOf(expected));
    }

    static Stream<Arguments> cutPayloads() {
        return Stream.of(
                traced("PUB foo 5\r\nhello\r\n", "<<- [PUB foo 5]", "<<- MSG_PAYLOAD: [\"hell...\"]"),
                traced("PUB foo 4\r\nhell\r\n", "<<- [PUB foo 4]", "<<- MSG_PAYLOAD: [\"hell\"]"),
                // Cut by bytes, so a character may be cut in half.
                traced("PUB foo 6\r\nhe\u0000\u00e2\u0082\u00ac\r\n", "<<- [PUB foo 6]",
                        "<<- MSG_PAYLOAD: [\"he\\x00\\xe2...\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cutPayloads")
    void cutsPayloadsAtMaxTracedMsgLen(byte[] input, List<String> expected) {
        assertThat(traceAllWays(input, tracer -> tracer.maxPayloadLength(4))).allSatisfy(
                (way, lines) -> assertThat(lines).as(way).containsExactlyElementsOf(expected));
    }

    @Test
    void traceHeadersShowsOnlyTheHeaderBlock() {
        byte[] input = bytes(HPUB + "PUB foo 5\r\nhello\r\n");

        assertThat(traceAllWays(input, tracer -> tracer.headersOnly(true))).allSatisfy(
                (way, lines) -> assertThat(lines).as(way).containsExactlyElementsOf(prefixed(
                        "<<- [HPUB foo 18 23]", "<<- MSG_PAYLOAD: [\"NATS/1.0\\r\\nA: b\"]", "<<- [PUB foo 5]")));
    }

    @Test
    void tracesNothingWhenTracingIsOff() {
        byte[] input = bytes("CONNECT {}\r\nSUB foo 1\r\nPUB foo 5\r\nhello\r\n" + HPUB + "UNSUB 1\r\nPING\r\n");

        assertThat(traceAllWays(input, tracer -> tracer.enabled(false)))
                .allSatisfy((way, lines) -> assertThat(lines).as(way).isEmpty());
    }

    @Test
    void aSwitchTakesEffectFromTheNextRead() {
        RecordingTracer tracer = new RecordingTracer().enabled(false);
        try (ProtocolChannel channel = new ProtocolChannel(new RecordingSession().tracer(tracer))) {
            channel.feed("PING\r\n");
            tracer.enabled(true);
            channel.feed("PING\r\n");
            tracer.enabled(false);
            channel.feed("PING\r\n");
        }

        assertThat(tracer.lines()).containsExactlyElementsOf(prefixed("<<- [PING]"));
    }

    private static Map<String, List<String>> traceAllWays(byte[] input, UnaryOperator<RecordingTracer> options) {
        Map<String, List<String>> traces = new LinkedHashMap<>();
        traces.put("whole", trace(List.of(input), options));
        traces.put("byte by byte", trace(ProtocolChannel.chunks(input, 1), options));
        for (int seed = 0; seed < SEEDS; seed++) {
            traces.put("random splits, seed " + seed,
                    trace(ProtocolChannel.randomChunks(input, new Random(seed)), options));
        }
        return traces;
    }

    private static List<String> trace(List<byte[]> chunks, UnaryOperator<RecordingTracer> options) {
        RecordingTracer tracer = options.apply(new RecordingTracer());
        ProtocolChannel.record(new RecordingSession().tracer(tracer), chunks);
        return tracer.lines();
    }

    private static Arguments traced(String input, String... lines) {
        return Arguments.of(Named.of(printable(input), bytes(input)), prefixed(lines));
    }

    /** The lines as the log shows them, after the client's prefix. */
    static List<String> prefixed(String... lines) {
        return Arrays.stream(lines).map(line -> RecordingSession.LABEL + " - " + line).toList();
    }
}
