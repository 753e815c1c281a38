package io.natrium.adapter.tcp;

import io.natrium.adapter.protocol.ClientConnectionHandler;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.ServerSettings;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** Builds a client connection's pipeline: for plain TCP, only the protocol handler. */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final long maxPending;
    private final long writeDeadlineNanos;

    ClientChannelInitializer(ServerSettings settings, ConnectClientUseCase connectClient, ProtocolTracer tracer) {
        this.connectClient = connectClient;
        this.tracer = tracer;
        this.maxPending = settings.maxPending();
        this.writeDeadlineNanos = settings.writeDeadline().toNanos();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast("nats", new ClientConnectionHandler(connectClient, tracer, maxPending,
                writeDeadlineNanos));
    }
}
