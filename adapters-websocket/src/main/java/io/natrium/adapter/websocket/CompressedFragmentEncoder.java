package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;

/**
 * Cuts a compressed message to a browser into frames of at most 4 KiB, as nats-server cuts the compressed bytes of
 * each flush for browsers: the first frame binary and marked compressed (RSV1), the others continuations, the last
 * one final. Sits between the deflate encoder and the frame encoder, so it sees what the encoder compressed.
 */
final class CompressedFragmentEncoder extends ChannelOutboundHandlerAdapter {

    private static final int RSV1 = 0x4;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof BinaryWebSocketFrame frame) || (frame.rsv() & RSV1) == 0 || !frame.isFinalFragment()
                || frame.content().readableBytes() <= WebsocketFrameHandler.BROWSER_FRAME_SIZE) {
            ctx.write(msg, promise);
            return;
        }
        int size = WebsocketFrameHandler.BROWSER_FRAME_SIZE;
        ByteBuf compressed = frame.content();
        try {
            ctx.write(new BinaryWebSocketFrame(false, frame.rsv(), compressed.readRetainedSlice(size)));
            while (compressed.readableBytes() > size) {
                ctx.write(new ContinuationWebSocketFrame(false, 0, compressed.readRetainedSlice(size)));
            }
            ctx.write(new ContinuationWebSocketFrame(true, 0,
                    compressed.readRetainedSlice(compressed.readableBytes())), promise);
        } finally {
            frame.release();
        }
    }
}
