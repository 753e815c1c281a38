package io.natrium.adapter.inprocess;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Tells the client's window what the server has read. The protocol handler decodes a read before it returns, and
 * reads stop while it pauses a fast producer, so a paused server holds the client's writes as a full socket would.
 */
final class ConsumedBytesHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        long bytes = message instanceof ByteBuf buffer ? buffer.readableBytes() : 0;
        ctx.fireChannelRead(message);
        if (bytes > 0) {
            ((WindowedLocalChannel) ctx.channel()).consumed(bytes);
        }
    }
}
