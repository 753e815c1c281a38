package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;

import java.util.function.Function;

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
    private final Function<ByteBufAllocator, SslHandler> tls;

    /** {@code tls} makes each new connection's TLS handler (so a reload can change it); null for plain ws. */
    WebsocketChannelInitializer(WebsocketConnections connections, Function<ByteBufAllocator, SslHandler> tls) {
        this.connections = connections;
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (tls != null) {
            channel.pipeline().addLast("tls", tls.apply(channel.alloc()));
        }
        channel.pipeline().addLast(HTTP, new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192))
                .addLast(AGGREGATOR, new HttpObjectAggregator(MAX_BODY))
                .addLast("upgrade", new WebsocketUpgradeHandler(connections));
    }
}
