package io.natrium.adapter.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

/** What {@link BoundedInflateDecoder} passes on: whole messages inflated, and never much more than its limit. */
class BoundedInflateDecoderTest {

    private static final int LIMIT = 1024 * 1024;
    private static final int RSV1 = 0x4;

    @Test
    void aCompressedMessageInTwoFragmentsIsInflated() {
        byte[] compressed = deflate("PUB a 5\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
        int half = compressed.length / 2;
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedInflateDecoder(LIMIT));
        channel.writeInbound(new BinaryWebSocketFrame(false, RSV1,
                Unpooled.wrappedBuffer(Arrays.copyOf(compressed, half))));
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0,
                Unpooled.wrappedBuffer(Arrays.copyOfRange(compressed, half, compressed.length))));

        assertThat(readAll(channel)).isEqualTo("PUB a 5\r\nhello\r\n");
        channel.finishAndReleaseAll();
    }

    @Test
    void anUncompressedFrameGoesOnAsItIs() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedInflateDecoder(LIMIT));
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.copiedBuffer("PING\r\n", StandardCharsets.US_ASCII)));

        assertThat(readAll(channel)).isEqualTo("PING\r\n");
        channel.finishAndReleaseAll();
    }

    @Test
    void aBombIsCutJustPastTheLimit() {
        byte[] bomb = deflate(new byte[64 * LIMIT]);
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedInflateDecoder(LIMIT));

        assertThatThrownBy(() -> channel.writeInbound(new BinaryWebSocketFrame(true, RSV1,
                Unpooled.wrappedBuffer(bomb)))).isInstanceOf(DecompressionException.class)
                .hasMessageContaining("more than " + LIMIT);
        // One chunk past the limit at most was inflated, of the 64 MiB the frame holds.
        assertThat(readAll(channel).length()).isGreaterThan(LIMIT).isLessThanOrEqualTo(LIMIT + 64 * 1024);
        channel.finishAndReleaseAll();
    }

    @Test
    void inflationStopsOnceTheConnectionIsClosed() {
        byte[] bomb = deflate(new byte[64 * LIMIT]);
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedInflateDecoder(LIMIT),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        // As the protocol handler does with garbage: the first bytes end the connection.
                        ((WebSocketFrame) msg).release();
                        ctx.close();
                    }
                });
        channel.writeInbound(new BinaryWebSocketFrame(true, RSV1, Unpooled.wrappedBuffer(bomb)));

        assertThat(channel.isActive()).isFalse();
        channel.finishAndReleaseAll();
    }

    private static String readAll(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        WebSocketFrame frame;
        while ((frame = channel.readInbound()) != null) {
            ByteBuf content = frame.content();
            text.append(content.toString(StandardCharsets.ISO_8859_1));
            frame.release();
        }
        return text.toString();
    }

    /** Deflated as a permessage-deflate client sends it: sync-flushed, its last four bytes left out. */
    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(plain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        deflater.end();
        byte[] compressed = out.toByteArray();
        return Arrays.copyOf(compressed, compressed.length - 4);
    }
}
