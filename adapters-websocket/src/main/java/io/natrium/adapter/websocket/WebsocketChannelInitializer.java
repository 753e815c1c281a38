package io.natrium.adapter.websocket;

import io.natrium.adapter.tls.ServerTls;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;

import java.util.function.Supplier;

/**
 * A new WebSocket connection's pipeline until its upgrade: TLS when the listener has it, Netty's HTTP codec, the
 * whole request, and the {@link WebsocketUpgradeHandler}, which replaces all but TLS once the upgrade is done.
 */
final class WebsocketChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String HTTP = "http";
    static final String AGGREGATOR = "http-request";
    /** Go's default limit on a request's headers is 1 MiB; the request line gets 8 KiB, a body 64 KiB. */
    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_HEADERS = 1024 * 1024;
    private static final int MAX_BODY = 64 * 1024;

    private final WebsocketConnections connections;
    private final Supplier<ServerTls> tls;

    /** {@code tls} is asked for each new connection (so a reload can change it); null for plain ws. */
    WebsocketChannelInitializer(WebsocketConnections connections, Supplier<ServerTls> tls) {
        this.connections = connections;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (tls != null) {
            SslHandler handler = tls.get().newHandler(channel.alloc());
            if (!connections.settings().handshakeTimeout().isZero()) {
                // nats-server bounds the TLS handshake by handshake_timeout (Go's ReadTimeout), not by the tls
                // block's timeout: the upgrade's timer, started as the connection opens, covers it. Without
                // handshake_timeout nats-server sets no bound; the tls block's timeout stays then, so that a
                // stalled handshake cannot hold a socket forever.
                handler.setHandshakeTimeoutMillis(0);
            }
            channel.pipeline().addLast("tls", handler);
        }
        channel.pipeline().addLast(HTTP, new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192))
                .addLast(AGGREGATOR, new HttpObjectAggregator(MAX_BODY))
                .addLast("upgrade", new WebsocketUpgradeHandler(connections));
    }
}
