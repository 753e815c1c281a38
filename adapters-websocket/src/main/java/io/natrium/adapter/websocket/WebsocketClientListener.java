package io.natrium.adapter.websocket;

import io.natrium.adapter.protocol.CarriedProtocol;
import io.natrium.adapter.protocol.NamedThreadFactory;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tls.ServerTls;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.WebsocketSettings;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
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
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket listener ({@code websocket { port }}) and the event loops its connections run on: plain {@code ws}, or
 * {@code wss} when given the block's TLS, whose handler then sits in front of the HTTP upgrade.
 */
public final class WebsocketClientListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebsocketClientListener.class);
    /** nats-server's default host for the listener. */
    private static final String DEFAULT_HOST = "0.0.0.0";
    /** As the TCP listener: a socket counts as blocked past 1 MiB queued, until back under 512 KiB. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

    private final WebsocketSettings settings;
    private final WebsocketConnections connections;
    private final Supplier<ServerTls> tls;
    private final boolean epoll;
    private EventLoopGroup eventLoops;
    private Channel listening;

    /**
     * @param settings the {@code websocket} block in force at start
     * @param limits   what bounds each connection's outbound (and {@code max_payload}, which sizes frames)
     * @param tls      the block's TLS in force, asked per connection (so a reload's certificates serve the
     *                 connections after it); null for plain {@code ws}
     * @param mqtt     the MQTT listener's handling for upgrades on {@code /mqtt}; null without an MQTT listener
     */
    public WebsocketClientListener(WebsocketSettings settings, OutboundLimits limits,
            ConnectClientUseCase connectClient, ProtocolTracer tracer, Supplier<ServerTls> tls,
            CarriedProtocol mqtt) {
        this.settings = settings;
        this.connections = new WebsocketConnections(settings, limits, connectClient, tracer, mqtt);
        this.tls = tls;
        this.epoll = !"nio".equalsIgnoreCase(System.getProperty("natrium.transport")) && Epoll.isAvailable();
    }

    /** The host the listener binds, as nats-server logs it. */
    public String host() {
        return settings.host() == null || settings.host().isEmpty() ? DEFAULT_HOST : settings.host();
    }

    /** Binds the WebSocket port and returns the address bound (a free port when -1 was asked). */
    public InetSocketAddress start() throws InterruptedException {
        eventLoops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new NamedThreadFactory("natrium-websocket"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(eventLoops)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new WebsocketChannelInitializer(connections, tls));
        int port = settings.port() == -1 ? 0 : settings.port();
        listening = bootstrap.bind(host(), port).sync().channel();
        InetSocketAddress bound = (InetSocketAddress) listening.localAddress();
        String scheme = tls == null ? "ws" : "wss";
        LOG.info("Listening for websocket clients on {}://{}:{}", scheme, host(), bound.getPort());
        if (tls == null) {
            LOG.warn("Websocket not configured with TLS. DO NOT USE IN PRODUCTION!");
        }
        return bound;
    }

    /** Closes the listening socket; open connections stay. */
    public void stopAccepting() {
        if (listening != null) {
            listening.close().syncUninterruptibly();
        }
    }

    /** Stops the event loops, waiting at most {@code timeoutMillis}. */
    public void shutdown(long timeoutMillis) {
        stopAccepting();
        if (eventLoops != null) {
            eventLoops.shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(timeoutMillis);
        }
    }
}
