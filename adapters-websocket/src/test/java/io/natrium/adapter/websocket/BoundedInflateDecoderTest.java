package io.natrium.adapter.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.PermessageDeflate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** What {@link BoundedInflateDecoder} passes on: whole messages inflated a chunk at a time, when the connection reads. */
class BoundedInflateDecoderTest {

    private static final int LIMIT = 1024 * 1024;
    private static final int RSV1 = 0x4;

    @Test
    void aCompressedMessageInTwoFragmentsIsInflated() {
        byte[] compressed = PermessageDeflate.deflated("PUB a 5\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
        int half = compressed.length / 2;
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedInflateDecoder());
        channel.writeInbound(new BinaryWebSocketFrame(false, RSV1,
                Unpooled.wrappedBuffer(Arrays.copyOf(compressed, half))));
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0,
                Unpooled.wrappedBuffer(Arrays.copyOfRange(compressed, half, compressed.length))));

        assertThat(readAll(channel)).isEqualTo("PUB a 5\r\nhello\r\n");
        channel.finishAndReleaseAll();
    }

    @Test
    void anUncompressedFrameGoesOnAsItIs() {
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedInflateDecoder());
        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.copiedBuffer("PING\r\n", StandardCharsets.US_ASCII)));

        assertThat(readAll(channel)).isEqualTo("PING\r\n");
        channel.finishAndReleaseAll();
    }

    @Test
    void aLargeCompressedMessageInManyPiecesIsInflatedWhole() {
        byte[] plain = new byte[20 * 1024 * 1024];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = (byte) ('a' + (i * 7 + i / 1000) % 26);
        }
        byte[] compressed = PermessageDeflate.deflated(plain);
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedInflateDecoder());
        int piece = 8 * 1024;
        long inflated = 0;
        int largest = 0;
        boolean matches = true;
        for (int at = 0; at < compressed.length; at += piece) {
            int end = Math.min(compressed.length, at + piece);
            ByteBuf content = Unpooled.wrappedBuffer(Arrays.copyOfRange(compressed, at, end));
            boolean last = end == compressed.length;
            channel.writeInbound(at == 0 ? new BinaryWebSocketFrame(last, RSV1, content)
                    : new ContinuationWebSocketFrame(last, 0, content));
            WebSocketFrame chunk;
            while ((chunk = channel.readInbound()) != null) {
                largest = Math.max(largest, chunk.content().readableBytes());
                byte[] bytes = ByteBufUtil.getBytes(chunk.content());
                int from = (int) inflated;
                matches &= Arrays.equals(bytes, 0, bytes.length, plain, from, from + bytes.length);
                inflated += chunk.content().readableBytes();
                chunk.release();
            }
        }

        assertThat(inflated).isEqualTo(plain.length);
        assertThat(matches).as("inflated bytes equal to the message").isTrue();
        assertThat(largest).as("largest chunk passed on").isLessThanOrEqualTo(64 * 1024);
        channel.finishAndReleaseAll();
    }

    @Test
    void inflationWaitsWhileTheConnectionDoesNotReadAndWhatCameAfterWaitsBehindIt() {
        byte[] bomb = PermessageDeflate.deflated(new byte[64 * LIMIT]);
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedInflateDecoder());
        channel.config().setAutoRead(false);
        channel.writeInbound(new BinaryWebSocketFrame(true, RSV1, Unpooled.wrappedBuffer(bomb)),
                new BinaryWebSocketFrame(Unpooled.copiedBuffer("PING\r\n", StandardCharsets.US_ASCII)));

        assertThat(channel.inboundMessages()).as("passed on while not reading").isEmpty();

        // Reading again: the bomb is inflated, then the frame after it goes on.
        channel.config().setAutoRead(true);
        long inflated = 0;
        String last = null;
        WebSocketFrame frame;
        while ((frame = channel.readInbound()) != null) {
            inflated += frame.content().readableBytes();
            last = frame.content().toString(StandardCharsets.ISO_8859_1);
            frame.release();
        }
        assertThat(inflated).isEqualTo(64L * LIMIT + "PING\r\n".length());
        assertThat(last).isEqualTo("PING\r\n");
        channel.finishAndReleaseAll();
    }

    @Test
    void inflationStopsOnceTheConnectionIsClosed() {
        byte[] bomb = PermessageDeflate.deflated(new byte[64 * LIMIT]);
        EmbeddedChannel channel = new EmbeddedChannel(new BoundedInflateDecoder(),
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
}
