package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ByteArrayMessage.view;
import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.subject.SubjectView;
import io.natrium.testkit.RecordingTracer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wire format of a delivery on a plain buffer, without a channel or an outbound: the size bound every frame stays
 * within (the outbound makes room for it before it writes), the take-back of a frame that fails half-way, and the one
 * scratch array bodies outside a Netty buffer are copied through. The exact frames through a channel are in
 * {@link NettyClientOutboundTest}.
 */
class FrameWriterTest {

    private static final String HEADER = "NATS/1.0\r\nK: v\r\n\r\n";
    private static final String[] SUBJECTS = {"a", "foo.bar.baz", "x".repeat(300)};
    private static final String[] REPLIES = {"", "r", "_INBOX.abcdefghijklmnopqrstuv.1234"};
    private static final String[] SIDS = {"1", "123456789012"};

    private final FrameWriter frames = new FrameWriter();
    private final ByteBuf out = Unpooled.buffer();
    private final List<ByteBuf> sources = new ArrayList<>();

    @AfterEach
    void release() {
        out.release();
        sources.forEach(ByteBuf::release);
    }

    @Test
    void everyMessageFrameFitsTheSizeBoundAndCountsTheBodyTheClientGets() {
        int checked = 0;
        for (String subject : SUBJECTS) {
            for (String reply : REPLIES) {
                for (String sid : SIDS) {
                    for (boolean hasHeaders : new boolean[] {false, true}) {
                        for (boolean withHeaders : new boolean[] {false, true}) {
                            for (int payload : new int[] {0, 1, 9_999}) {
                                for (InboundMessage message : kinds(subject, reply, hasHeaders, payload)) {
                                    checkBound(subject, sid, reply, message, withHeaders);
                                    checked++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(SUBJECTS.length * REPLIES.length * SIDS.length * 2 * 2 * 3 * 2);
    }

    private void checkBound(String subject, String sid, String reply, InboundMessage message, boolean withHeaders) {
        int bodyLength = FrameWriter.bodyLengthOf(message, withHeaders);
        int bound = FrameWriter.sizeOf(view(subject), bytes(sid), view(reply), bodyLength);
        out.clear();

        frames.writeMessage(out, ProtocolTracer.OFF, view(subject), bytes(sid), view(reply), message, withHeaders);

        String frame = out.toString(StandardCharsets.ISO_8859_1);
        String description = frame.substring(0, frame.indexOf('\r'));
        assertThat(out.readableBytes()).as(description).isLessThanOrEqualTo(bound);
        boolean headerFrame = message.headerLength() > 0 && withHeaders;
        assertThat(bodyLength).as(description)
                .isEqualTo(message.bodyLength() - (message.headerLength() > 0 && !withHeaders ? HEADER.length() : 0));
        assertThat(frame).as(description).startsWith(headerFrame ? "HMSG " : "MSG ")
                .endsWith("\r\n" + tail(message, withHeaders));
    }

    /** The last bytes of the frame: the end of the body the client gets, then CRLF. */
    private static String tail(InboundMessage message, boolean withHeaders) {
        byte[] body = new byte[message.bodyLength()];
        message.copyBody(0, body, 0, body.length);
        int skip = message.headerLength() > 0 && !withHeaders ? message.headerLength() : 0;
        return new String(body, skip, body.length - skip, StandardCharsets.ISO_8859_1) + "\r\n";
    }

    /**
     * The same message as the decoder's flyweight (its sizes written with the most leading zeros the decoder takes:
     * nine digits) and as any other message.
     */
    private List<InboundMessage> kinds(String subject, String reply, boolean hasHeaders, int payloadLength) {
        byte[] headers = bytes(hasHeaders ? HEADER : "");
        byte[] payload = bytes("p".repeat(payloadLength));
        String headerSize = hasHeaders ? String.format("%09d", headers.length) : "";
        String totalSize = String.format("%09d", headers.length + payload.length);
        return List.of(WireMessages.of(subject, reply, headerSize, totalSize, headers, payload, sources),
                ByteArrayMessage.of(subject, reply, headers, payload));
    }

    @Test
    void theSizesAreRepeatedAsWrittenUnlessTheHeadersAreCutOff() {
        byte[] headers = bytes(HEADER);
        WireInboundMessage message = WireMessages.of("foo", "", "018", "00020", headers, bytes("hi"), sources);

        frames.writeMessage(out, ProtocolTracer.OFF, view("foo"), bytes("1"), view(""), message, true);
        frames.writeMessage(out, ProtocolTracer.OFF, view("foo"), bytes("1"), view(""), message, false);

        assertThat(out.toString(StandardCharsets.ISO_8859_1))
                .isEqualTo("HMSG foo 1 018 00020\r\n" + HEADER + "hi\r\n" + "MSG foo 1 2\r\nhi\r\n");
    }

    @Test
    void aFrameThatFailsHalfWayIsTakenBackAndTheFailureReachesTheCaller() {
        out.writeBytes(bytes("PING\r\n"));
        InboundMessage broken = ScriptedBodyMessage.failingFrom(100, 0);

        assertThatThrownBy(() -> frames.writeMessage(out, ProtocolTracer.OFF, view("foo"), bytes("1"), view("r"),
                broken, false)).isInstanceOf(IllegalStateException.class).hasMessage("the body is gone");

        assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("PING\r\n");
    }

    @Test
    void aBodyFailingAfterItsFirstChunkIsTakenBackWhole() {
        InboundMessage broken = ScriptedBodyMessage.failingFrom(3 * FrameWriter.COPY_CHUNK,
                FrameWriter.COPY_CHUNK);

        assertThatThrownBy(() -> frames.writeMessage(out, ProtocolTracer.OFF, view("foo"), bytes("1"), view(""),
                broken, false)).isInstanceOf(IllegalStateException.class);

        assertThat(out.readableBytes()).isZero();
    }

    @Test
    void bodiesOutsideANettyBufferAreCopiedInChunksThroughOneScratchArray() {
        Set<byte[]> scratches = new HashSet<>();
        List<Integer> chunks = new ArrayList<>();
        int length = 2 * FrameWriter.COPY_CHUNK + 1;
        InboundMessage message = new ScriptedBodyMessage(length, (offset, target, targetOffset, chunk) -> {
            scratches.add(target);
            chunks.add(chunk);
        });

        for (int i = 0; i < 3; i++) {
            frames.writeMessage(out, ProtocolTracer.OFF, view("foo"), bytes("1"), view(""), message, false);
        }

        assertThat(scratches).as("scratch arrays used by three messages").hasSize(1);
        assertThat(scratches.iterator().next()).hasSize(FrameWriter.COPY_CHUNK);
        assertThat(chunks).containsExactly(8192, 8192, 1, 8192, 8192, 1, 8192, 8192, 1);
    }

    @Test
    void tracesTheFrameOnlyWhenTracingIsOn() {
        RecordingTracer tracer = new RecordingTracer();
        InboundMessage message = ByteArrayMessage.of("foo", "bar", new byte[0], bytes("hello"));

        String[] traced = frames.writeMessage(out, tracer, view("foo"), bytes("1"), view("bar"), message, false);
        String[] untraced = frames.writeMessage(out, tracer.enabled(false), view("foo"), bytes("1"), view("bar"),
                message, false);

        assertThat(traced).containsExactly("->> [MSG foo 1 bar 5]", "->> MSG_PAYLOAD: [\"hello\"]");
        assertThat(untraced).isNull();
        assertThat(tracer.lines()).as("written by the outbound, after its lock").isEmpty();
    }

    @Test
    void theNoRespondersFrameIsNatsServersAndFitsItsBound() {
        for (String subject : SUBJECTS) {
            for (String reply : REPLIES) {
                out.clear();
                SubjectView replyView = view(reply.isEmpty() ? "_INBOX.x" : reply);

                FrameWriter.writeNoResponders(out, replyView, bytes("7"), view(subject));

                String headers = "NATS/1.0 503\r\nNats-Subject: " + subject + "\r\n\r\n";
                String size = String.valueOf(headers.length());
                assertThat(out.toString(StandardCharsets.ISO_8859_1)).isEqualTo("HMSG " + text(replyView) + " 7 "
                        + size + " " + size + "\r\n" + headers + "\r\n");
                assertThat(out.readableBytes())
                        .isLessThanOrEqualTo(FrameWriter.noRespondersSize(replyView, bytes("7"), view(subject)));
            }
        }
    }

    private static String text(SubjectView view) {
        return new String(view.array(), view.arrayOffset(), view.length(), StandardCharsets.ISO_8859_1);
    }
}
