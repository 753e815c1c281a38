package io.natrium.adapter.protocol;

import io.natrium.application.port.ListenFailure;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty side of a listener of its own (WebSocket, MQTT): event loops as many as the cores (epoll unless
 * {@code -Dnatrium.transport=nio} or unavailable), the listening socket with the client port's socket options, and
 * the two steps of its end: stop accepting, then stop the loops. The client port's listener is not one of these: it
 * takes over an early-bound socket and keeps a new client on the loop that accepted it.
 */
public final class ListenerBinding {

    /** Past 1 MiB queued for the socket a channel turns unwritable; writable again under 512 KiB. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

    private final EventLoopGroup eventLoops;
    private final Channel listening;

    private ListenerBinding(EventLoopGroup eventLoops, Channel listening) {
        this.eventLoops = eventLoops;
        this.listening = listening;
    }

    /**
     * Binds {@code host}:{@code port} (a free port for -1) for clients handled by {@code initializer}, on event loops
     * whose threads are named after {@code threadName}; a failed bind is reported as nats-server reports it for the
     * {@code kind} of listener it was for.
     */
    public static ListenerBinding bind(String threadName, ListenFailure kind, String host, int port,
            ChannelHandler initializer) throws InterruptedException {
        boolean epoll = !"nio".equalsIgnoreCase(System.getProperty("natrium.transport")) && Epoll.isAvailable();
        EventLoopGroup eventLoops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new NamedThreadFactory(threadName), epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(eventLoops)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(initializer);
        try {
            return new ListenerBinding(eventLoops, bootstrap.bind(host, port == -1 ? 0 : port).sync().channel());
        } catch (InterruptedException e) {
            eventLoops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        } catch (Exception e) {
            // Netty rethrows the bind failure (a checked BindException) undeclared.
            eventLoops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw kind.of(host, port, e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listening.localAddress();
    }

    /** Closes the listening socket; open connections stay. */
    public void stopAccepting() {
        listening.close().syncUninterruptibly();
    }

    /** Stops accepting, then the event loops, waiting at most {@code timeoutMillis}. */
    public void shutdown(long timeoutMillis) {
        stopAccepting();
        eventLoops.shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS).awaitUninterruptibly(timeoutMillis);
    }
}
