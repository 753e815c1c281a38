package io.natrium.adapter.tcp;

import io.natrium.adapter.protocol.ClientConnectionHandler;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.settings.ServerSettings;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/** Builds a client connection's pipeline: for plain TCP, only the protocol handler. */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ConnectClientUseCase connectClient;
    private final long maxPending;
    private final long writeDeadlineNanos;

    ClientChannelInitializer(ServerSettings settings, ConnectClientUseCase connectClient) {
        this.connectClient = connectClient;
        this.maxPending = settings.maxPending();
        this.writeDeadlineNanos = settings.writeDeadline().toNanos();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast("nats", new ClientConnectionHandler(connectClient, maxPending, writeDeadlineNanos));
    }
}
