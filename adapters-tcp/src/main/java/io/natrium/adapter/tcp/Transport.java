package io.natrium.adapter.tcp;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.nio.channels.SocketChannel;
import java.util.OptionalInt;

/**
 * The I/O transport: native epoll where it is available (Linux), NIO otherwise. Set the system property
 * {@code natrium.transport=nio} to force NIO.
 */
enum Transport {
    EPOLL,
    NIO;

    static Transport best() {
        if ("nio".equalsIgnoreCase(System.getProperty("natrium.transport"))) {
            return NIO;
        }
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    IoHandlerFactory ioHandlerFactory() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    Class<? extends ServerChannel> serverChannelClass() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /**
     * This transport's listener over a socket bound before Netty started, or null when it cannot take it: the
     * native transport needs the socket's file descriptor, which the JDK shows only to code it opened itself to.
     */
    ServerChannel adopt(EarlyListeningSocket socket) {
        if (this == NIO) {
            return new NioServerSocketChannel(socket.channel());
        }
        OptionalInt descriptor = socket.fileDescriptor();
        return descriptor.isPresent() ? new EpollServerSocketChannel(descriptor.getAsInt()) : null;
    }

    /**
     * This transport's connection over a client socket the JDK accepted (non-blocking), or null when it cannot take
     * it (see {@link #adopt}). The JDK's channel must be kept reachable while the connection lives: the descriptor
     * is shared.
     */
    Channel adoptClient(ServerChannel parent, SocketChannel client) {
        if (this == NIO) {
            return new NioSocketChannel(parent, client);
        }
        OptionalInt descriptor = JdkDescriptors.of(client);
        return descriptor.isPresent() ? new EpollSocketChannel(descriptor.getAsInt()) : null;
    }
}
