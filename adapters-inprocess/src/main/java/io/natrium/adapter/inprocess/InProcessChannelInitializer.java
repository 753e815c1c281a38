package io.natrium.adapter.inprocess;

import io.natrium.adapter.protocol.ClientConnectionHandler;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/** An in-process connection's pipeline: the TCP one without TLS, after the window's reader. */
final class InProcessChannelInitializer extends ChannelInitializer<Channel> {

    private final OutboundLimits limits;
    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;

    InProcessChannelInitializer(OutboundLimits limits, ConnectClientUseCase connectClient, ProtocolTracer tracer) {
        this.limits = limits;
        this.connectClient = connectClient;
        this.tracer = tracer;
    }

    @Override
    protected void initChannel(Channel channel) {
        channel.pipeline().addLast("window", new ConsumedBytesHandler());
        channel.pipeline().addLast("nats", new ClientConnectionHandler(connectClient, tracer, limits));
    }
}
