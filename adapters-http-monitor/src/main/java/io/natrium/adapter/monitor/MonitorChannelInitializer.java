package io.natrium.adapter.monitor;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;

import java.util.concurrent.Executor;

/** The pipeline of a monitoring connection: HTTP/1.1 with keep-alive, whole requests, then the request handler. */
final class MonitorChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** nats-server reads at most 1 MB of headers; monitoring requests have no body worth keeping. */
    private static final int MAX_REQUEST_BYTES = 1 << 20;

    private final MonitorRoutes routes;
    private final Executor worker;

    MonitorChannelInitializer(MonitorRoutes routes, Executor worker) {
        this.routes = routes;
        this.worker = worker;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(new HttpServerKeepAliveHandler());
        pipeline.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
        pipeline.addLast(new MonitorRequestHandler(routes, worker));
    }
}
