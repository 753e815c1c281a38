package io.natrium.adapter.tcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When accepting fails (out of file descriptors, say), pauses accepting with nats-server's exponential back-off:
 * 10 ms doubling up to 1 s, back to 10 ms after the next successful accept.
 */
final class AcceptBackoffHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptBackoffHandler.class);
    private static final long MIN_DELAY_MILLIS = 10;
    private static final long MAX_DELAY_MILLIS = 1000;

    private long delayMillis = MIN_DELAY_MILLIS;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object accepted) {
        delayMillis = MIN_DELAY_MILLIS;
        ctx.fireChannelRead(accepted);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.error("Temporary Client Accept Error ({}), sleeping {}ms", cause.getMessage(), delayMillis);
        ctx.channel().config().setAutoRead(false);
        ctx.channel().eventLoop().schedule(() -> ctx.channel().config().setAutoRead(true), delayMillis,
                TimeUnit.MILLISECONDS);
        delayMillis = Math.min(delayMillis * 2, MAX_DELAY_MILLIS);
    }
}
