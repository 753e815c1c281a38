package io.natrium.adapter.tcp;

import io.natrium.adapter.protocol.ClientConnectionHandler;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** Builds a client connection's pipeline: for plain TCP, only the protocol handler. */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final OutboundLimits limits;

    ClientChannelInitializer(OutboundLimits limits, ConnectClientUseCase connectClient, ProtocolTracer tracer) {
        this.connectClient = connectClient;
        this.tracer = tracer;
        this.limits = limits;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast("nats", new ClientConnectionHandler(connectClient, tracer, limits));
    }
}
