package io.natrium.adapter.monitor;

import io.natrium.adapter.tls.GoTlsErrors;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a failed HTTPS monitoring handshake as nats-server does: Go's HTTP server writes
 * {@code http: TLS handshake error from <client>: <error>} to the error log nats-server gives it, which drops the
 * {@code http: } and puts {@code monitoring: } in front, at error level.
 */
final class MonitorHandshakeLogHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorHandshakeLogHandler.class);

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (!handshake.isSuccess()) {
                Channel channel = ctx.channel();
                logFailure(channel, GoTlsErrors.describe(handshake.cause(), channel.localAddress(),
                        channel.remoteAddress()));
            }
            ctx.pipeline().remove(this);
        }
        super.userEventTriggered(ctx, event);
    }

    static void logFailure(Channel channel, String error) {
        LOG.error("monitoring: TLS handshake error from {}: {}", address(channel.remoteAddress()), error);
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
