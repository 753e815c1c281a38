package io.natrium.adapter.tcp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.internal.PlatformDependent;

/** The options of every accepted client socket. */
final class ClientSocketOptions {

    /**
     * When a client's socket counts as refusing writes (and its write deadline runs): past 1 MiB written but not yet
     * taken by the socket, until it is back under 512 KiB. Netty's 32/64 KiB would flip with every burst to a
     * healthy subscriber.
     */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

    private ClientSocketOptions() {
    }

    /**
     * Keep-alive, the water marks, and no Nagle delay. Where Netty already turns Nagle off on every socket it accepts
     * (Linux and other non-Android platforms), asking again would cost one more system call per connection.
     */
    static ServerBootstrap apply(ServerBootstrap bootstrap) {
        bootstrap.childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
        if (!PlatformDependent.canEnableTcpNoDelayByDefault()) {
            bootstrap.childOption(ChannelOption.TCP_NODELAY, true);
        }
        return bootstrap;
    }
}
