package io.natrium.adapter.websocket;

import static io.natrium.adapter.websocket.ClientFrames.masked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** What {@link StreamingFrameDecoder} makes of a client's bytes, however the reads cut them. */
class StreamingFrameDecoderTest {

    private static final int BINARY = 0x82;
    private static final int READ = 64 * 1024;

    @Test
    void aFrameCutIntoOneByteReadsComesOutUnmaskedInPieces() {
        byte[] payload = "PUB a 11\r\nhello world\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(true));
        ByteBuf frame = masked(BINARY, payload);
        while (frame.isReadable()) {
            channel.writeInbound(frame.readRetainedSlice(1));
        }
        frame.release();

        List<WebSocketFrame> pieces = drain(channel);
        assertThat(pieces).hasSize(payload.length);
        assertThat(pieces.get(0)).isInstanceOf(BinaryWebSocketFrame.class);
        assertThat(pieces.subList(1, pieces.size())).allMatch(ContinuationWebSocketFrame.class::isInstance);
        assertThat(pieces.subList(0, pieces.size() - 1)).noneMatch(WebSocketFrame::isFinalFragment);
        assertThat(pieces.get(pieces.size() - 1).isFinalFragment()).isTrue();
        assertThat(concatenate(pieces)).isEqualTo(payload);
        channel.finishAndReleaseAll();
    }

    @Test
    void aFrameOfTwentyMegabytesIsPassedOnAsItsReadsArriveNeverHeldWhole() {
        byte[] payload = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(payload);
        ByteBuf frame = masked(BINARY, payload);
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(true));
        int pieces = 0;
        int offset = 0;
        boolean matches = true;
        while (frame.isReadable()) {
            // 65535-byte reads: every piece starts at another place in the masking key.
            channel.writeInbound(frame.readRetainedSlice(Math.min(READ - 1, frame.readableBytes())));
            WebSocketFrame piece;
            while ((piece = channel.readInbound()) != null) {
                pieces++;
                ByteBuf content = piece.content();
                assertThat(content.readableBytes()).isLessThanOrEqualTo(READ - 1);
                for (int i = 0; i < content.readableBytes() && matches; i++) {
                    matches = content.getByte(content.readerIndex() + i) == payload[offset + i];
                }
                offset += content.readableBytes();
                piece.release();
            }
        }
        frame.release();

        assertThat(matches).as("unmasked bytes equal to what was sent").isTrue();
        assertThat(offset).isEqualTo(payload.length);
        assertThat(pieces).isGreaterThan(300);
        channel.finishAndReleaseAll();
    }

    @Test
    void aFragmentedMessageWithAPingBetweenItsFramesKeepsItsOrder() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(true));
        channel.writeInbound(Unpooled.wrappedBuffer(masked(0x01, ascii("PUB a 2\r\n")), masked(0x89, ascii("hi")),
                masked(0x00, ascii("ok")), masked(0x80, ascii("\r\n"))));

        List<WebSocketFrame> frames = drain(channel);
        assertThat(frames).hasSize(4);
        assertThat(frames.get(0)).isInstanceOf(TextWebSocketFrame.class);
        assertThat(frames.get(0).isFinalFragment()).isFalse();
        assertThat(frames.get(1)).isInstanceOf(PingWebSocketFrame.class);
        assertThat(frames.get(1).content().toString(StandardCharsets.US_ASCII)).isEqualTo("hi");
        assertThat(frames.get(2)).isInstanceOf(ContinuationWebSocketFrame.class);
        assertThat(frames.get(3).isFinalFragment()).isTrue();
        assertThat(new String(concatenate(List.of(frames.get(0), frames.get(2), frames.get(3))),
                StandardCharsets.US_ASCII)).isEqualTo("PUB a 2\r\nok\r\n");
        frames.get(1).release();
        channel.finishAndReleaseAll();
    }

    @Test
    void theCompressionBitMarksTheFirstPieceOnlyAndOtherReservedBitsAreIgnored() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(true));
        ByteBuf frame = masked(0xc2 | 0x30, new byte[300]);
        channel.writeInbound(frame.readRetainedSlice(200), frame);

        List<WebSocketFrame> pieces = drain(channel);
        assertThat(pieces).extracting(WebSocketFrame::rsv).containsExactly(0x4, 0);
        pieces.forEach(WebSocketFrame::release);
        channel.finishAndReleaseAll();
    }

    @Test
    void anEmptyFinalFrameStillEndsItsMessage() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(true));
        channel.writeInbound(Unpooled.wrappedBuffer(masked(0x02, ascii("PING")), masked(0x80, new byte[0])));

        List<WebSocketFrame> pieces = drain(channel);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(1).isFinalFragment()).isTrue();
        assertThat(pieces.get(1).content().isReadable()).isFalse();
        pieces.forEach(WebSocketFrame::release);
        channel.finishAndReleaseAll();
    }

    @Test
    void unmaskedFramesAreTakenWhenTheClientAskedForNoMasking() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(false));
        channel.writeInbound(ClientFrames.frame(BINARY, false, ascii("PING\r\n")));

        assertThat(new String(concatenate(drain(channel)), StandardCharsets.US_ASCII)).isEqualTo("PING\r\n");
        channel.finishAndReleaseAll();
    }

    @Test
    void aReadOnlyReadIsUnmaskedIntoACopy() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(true));
        ByteBuf frame = masked(BINARY, ascii("PING\r\nPING\r\n"));
        channel.writeInbound(frame.asReadOnly());

        assertThat(new String(concatenate(drain(channel)), StandardCharsets.US_ASCII)).isEqualTo("PING\r\nPING\r\n");
        channel.finishAndReleaseAll();
    }

    @Test
    void nothingAfterACloseFrameIsRead() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(true));
        channel.writeInbound(Unpooled.wrappedBuffer(masked(BINARY, ascii("PING\r\n")),
                masked(0x88, new byte[] {0x03, (byte) 0xe8, 'b', 'y', 'e'}), masked(BINARY, ascii("PONG\r\n"))));

        List<WebSocketFrame> frames = drain(channel);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(1)).isInstanceOf(CloseWebSocketFrame.class);
        assertThat(((CloseWebSocketFrame) frames.get(1)).statusCode()).isEqualTo(1000);
        assertThat(((CloseWebSocketFrame) frames.get(1)).reasonText()).isEqualTo("bye");
        frames.forEach(WebSocketFrame::release);
        channel.finishAndReleaseAll();
    }

    @Test
    void framesBreakingTheProtocolAreRefusedInNatsServersWords() {
        assertRefused("mask bit missing", ClientFrames.frame(BINARY, false, ascii("PING\r\n")));
        assertRefused("control frame length bigger than maximum allowed of 125 bytes", masked(0x89, new byte[126]));
        assertRefused("control frame does not have final bit set", masked(0x09, ascii("hi")));
        assertRefused("unknown opcode 3", masked(0x83, ascii("x")));
        assertRefused("unknown opcode 11", masked(0x8b, new byte[0]));
        assertRefused("invalid continuation frame", masked(0x80, ascii("PING\r\n")));
        assertRefused("invalid continuation frame",
                Unpooled.wrappedBuffer(masked(0x02, ascii("PI")), masked(0xc0, ascii("NG\r\n"))));
        assertRefused("new message started before final frame for previous message was received",
                Unpooled.wrappedBuffer(masked(0x02, ascii("PI")), masked(BINARY, ascii("NG\r\n"))));
    }

    @Test
    void aRefusalComesRightAfterItsHeadersFirstTwoBytes() {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(true));
        // A ping announcing a 16-bit length: nats-server refuses it before reading the length.
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x89, (byte) 0xfe})))
                .isInstanceOf(CorruptedWebSocketFrameException.class);
        channel.finishAndReleaseAll();
    }

    private static void assertRefused(String words, ByteBuf input) {
        EmbeddedChannel channel = new EmbeddedChannel(new StreamingFrameDecoder(true));
        assertThatThrownBy(() -> channel.writeInbound(input)).isInstanceOf(CorruptedWebSocketFrameException.class)
                .hasMessage(words);
        drain(channel).forEach(WebSocketFrame::release);
        // Nothing more is read after it.
        channel.writeInbound(masked(BINARY, ascii("PING\r\n")));
        assertThat(channel.inboundMessages()).as("after: %s", words).isEmpty();
        channel.finishAndReleaseAll();
    }

    private static List<WebSocketFrame> drain(EmbeddedChannel channel) {
        List<WebSocketFrame> frames = new ArrayList<>();
        WebSocketFrame frame;
        while ((frame = channel.readInbound()) != null) {
            frames.add(frame);
        }
        return frames;
    }

    /** The pieces' bytes, one after the other; the pieces are released. */
    private static byte[] concatenate(List<WebSocketFrame> pieces) {
        ByteBuf all = Unpooled.buffer();
        for (WebSocketFrame piece : pieces) {
            all.writeBytes(piece.content());
            piece.release();
        }
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
