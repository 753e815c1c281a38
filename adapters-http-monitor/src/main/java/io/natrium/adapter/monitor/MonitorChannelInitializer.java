package io.natrium.adapter.monitor;

import io.natrium.adapter.tls.ServerTls;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.flow.FlowControlHandler;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The pipeline of a monitoring connection: TLS first on an HTTPS listener, then HTTP/1.1 with keep-alive, whole
 * requests, then the request handler.
 * The connection reads only when the handler asks: one request at a time, the next once the last is answered, so
 * that a client pipelining requests waits on its own socket instead of filling the worker's queue. The flow control
 * holds the requests decoded from one read until the handler asks for them; reads are small, so that is a few
 * hundred requests at most, as Go's server reads through a 4 KiB buffer.
 */
final class MonitorChannelInitializer extends ChannelInitializer<Channel> {

    /** nats-server reads at most 1 MB of headers; monitoring requests have no body worth keeping. */
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final int READ_BYTES = 4096;
    /**
     * Requests decoded but not yet answered: no more than one read holds, since every request takes bytes and the
     * next read waits for the last answer. Netty's default (128) would close a connection pipelining more.
     */
    private static final int MAX_PIPELINED = READ_BYTES;

    private final MonitorRoutes routes;
    private final Executor worker;
    private final Supplier<ServerTls> tls;

    MonitorChannelInitializer(MonitorRoutes routes, Executor worker) {
        this(routes, worker, null);
    }

    /** @param tls the TLS of an HTTPS listener, read for each connection; null for HTTP */
    MonitorChannelInitializer(MonitorRoutes routes, Executor worker, Supplier<ServerTls> tls) {
        this.routes = routes;
        this.worker = worker;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.config().setAutoRead(false);
        channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(READ_BYTES));
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            pipeline.addLast(new HttpsGateHandler(tls));
        }
        pipeline.addLast(new HttpServerCodec(new HttpDecoderConfig(), MAX_PIPELINED));
        pipeline.addLast(new HttpServerKeepAliveHandler());
        pipeline.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
        pipeline.addLast(new FlowControlHandler());
        pipeline.addLast(new MonitorRequestHandler(routes, worker));
    }
}
