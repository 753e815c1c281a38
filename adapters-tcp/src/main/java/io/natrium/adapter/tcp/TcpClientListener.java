package io.natrium.adapter.tcp;

import io.natrium.adapter.protocol.NamedThreadFactory;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tls.ServerTls;
import io.natrium.application.port.ListenFailure;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.ServerSettings;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client listener and the event loops its connections run on (one per core). {@link #start()} binds,
 * {@link #stopAccepting()} closes the listening socket and leaves connections alone, {@link #shutdown()} stops the
 * event loops once the connections are gone.
 */
public final class TcpClientListener {

    private static final Logger LOG = LoggerFactory.getLogger(TcpClientListener.class);

    private final ServerSettings settings;
    private final OutboundLimits limits;
    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final Supplier<ServerTls> tls;
    private final Transport transport = Transport.best();
    private final EventLoopGroup eventLoops;
    /** Bound before the server was wired, taken over by {@link #start()}; held so that its descriptor stays ours. */
    private final Optional<EarlyListeningSocket> early;
    private Channel listening;
    /**
     * The JDK's side of the early clients the native transport took over by descriptor, held while they are open
     * so that nothing of the JDK's closes the descriptor under them.
     */
    private final Set<SocketChannel> adoptedSockets = ConcurrentHashMap.newKeySet();

    /**
     * @param settings where to listen (read once, at {@link #start()})
     * @param limits   what bounds each connection's outbound, read as they apply
     * @param tracer   traces what clients send ({@code -V})
     */
    public TcpClientListener(ServerSettings settings, OutboundLimits limits, ConnectClientUseCase connectClient,
            ProtocolTracer tracer) {
        this(settings, limits, connectClient, tracer, () -> null, Optional.empty());
    }

    /**
     * @param settings where to listen and whether clients may stay in clear text beside TLS (read once, at
     *                 {@link #start()})
     * @param limits   what bounds each connection's outbound, read as they apply
     * @param tracer   traces what clients send ({@code -V})
     * @param tls      the client port's TLS in force, read for each new connection (a reload replaces it);
     *                 supplies null without TLS
     * @param early    the client port bound before the server was wired, taken over instead of binding it again;
     *                 its clients get the TLS in force when they are accepted, as any other
     */
    public TcpClientListener(ServerSettings settings, OutboundLimits limits, ConnectClientUseCase connectClient,
            ProtocolTracer tracer, Supplier<ServerTls> tls, Optional<EarlyListeningSocket> early) {
        this.early = early;
        this.settings = settings;
        this.tls = tls;
        this.limits = limits;
        this.connectClient = connectClient;
        this.tracer = tracer;
        this.eventLoops = new ClientEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new NamedThreadFactory("natrium-client"), transport.ioHandlerFactory());
    }

    /**
     * Loads and initialises the Netty classes a listener needs, so that a thread with nothing else to do can take
     * that work off the start-up path while the server is being wired.
     */
    public static void preload() {
        Transport.best().ioHandlerFactory();
        ByteBufAllocator.DEFAULT.ioBuffer(64).release();
        ClientSocketOptions.apply(new ServerBootstrap());
    }

    /** Binds the client port and returns the address actually bound (the port is chosen when 0 or -1 was asked). */
    public InetSocketAddress start() throws InterruptedException {
        return start(port -> { });
    }

    /**
     * Binds the client port and returns the address actually bound; {@code portBound} is told the port before any
     * client is taken, so that every client's INFO can carry it (nats-server fills in a random port before its accept
     * loop starts), also the clients greeted before the server was wired, which were told the bound port.
     */
    public InetSocketAddress start(IntConsumer portBound) throws InterruptedException {
        // From here on only this listener accepts on the early socket.
        List<EarlyGreeter.GreetedClient> greeted = early.map(EarlyListeningSocket::stopGreeting).orElse(List.of());
        ServerChannel adopted = early.map(transport::adopt).orElse(null);
        if (adopted == null) {
            // Nothing bound early, or a socket this transport cannot take over: bind here, as without it. Its greeted
            // clients cannot be taken over either.
            greeted.forEach(client -> closeQuietly(client.channel()));
            early.ifPresent(EarlyListeningSocket::close);
        }
        ClientChannelInitializer initializer = new ClientChannelInitializer(limits, connectClient, tracer, tls,
                settings.allowNonTls(), settings.network().proxyProtocol());
        ServerBootstrap bootstrap = ClientSocketOptions.apply(new ServerBootstrap())
                .group(eventLoops)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .handler(new AcceptBackoffHandler())
                .childHandler(initializer);
        if (adopted != null) {
            portBound.accept(early.get().port());
            takeOver(greeted, adopted, bootstrap, initializer);
            // Already bound and listening: registering it starts the accepting, and the queued clients are taken.
            listening = bootstrap.channelFactory((ChannelFactory<ServerChannel>) () -> adopted).register().sync()
                    .channel();
        } else {
            // Accepting starts once the port is known.
            listening = bind(bootstrap.option(ChannelOption.AUTO_READ, false));
            portBound.accept(((InetSocketAddress) listening.localAddress()).getPort());
            listening.config().setAutoRead(true);
        }
        InetSocketAddress bound = (InetSocketAddress) listening.localAddress();
        LOG.info("Listening for client connections on {}:{}", settings.host(), bound.getPort());
        if (settings.network().proxyProtocol()) {
            LOG.info("PROXY protocol enabled for client connections");
        }
        announceTls();
        LOG.debug("Client transport: {}", transport);
        return bound;
    }

    private Channel bind(ServerBootstrap bootstrap) throws InterruptedException {
        try {
            return bootstrap.channel(transport.serverChannelClass()).bind(settings.host(), settings.bindPort()).sync()
                    .channel();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // Netty rethrows the bind failure (a checked BindException) undeclared.
            throw ListenFailure.CLIENT_PORT.of(settings.host(), settings.port(), e);
        }
    }

    /**
     * Hands the clients greeted early to the event loops, as if just accepted, each with the INFO it was sent; and
     * waits until the application has taken them (and their ids) before any other client is accepted, so that no
     * new client is given an id already handed out. A client greeted in clear text where TLS or a PROXY header is
     * expected now cannot go on: it is closed (the early greeting is only for a server with neither).
     */
    private void takeOver(List<EarlyGreeter.GreetedClient> greeted, ServerChannel parent, ServerBootstrap bootstrap,
            ClientChannelInitializer initializer) throws InterruptedException {
        boolean plain = tls.get() == null && !settings.network().proxyProtocol();
        for (EarlyGreeter.GreetedClient client : greeted) {
            Channel channel = plain ? transport.adoptClient(parent, client.channel()) : null;
            if (channel == null) {
                closeQuietly(client.channel());
                continue;
            }
            adoptedSockets.add(client.channel());
            channel.closeFuture().addListener(closed -> adoptedSockets.remove(client.channel()));
            channel.config().setOptions(bootstrap.config().childOptions());
            channel.pipeline().addLast(initializer.greetedWith(client.info()));
            eventLoops.register(channel).sync();
            // The session opens in the same task as the registration, after its future completes: a task queued
            // behind it runs once the application has the client.
            channel.eventLoop().submit(() -> { }).sync();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // gone either way
        }
    }

    /** nats-server's notices for a TLS client port. */
    private void announceTls() {
        ServerTls current = tls.get();
        if (current == null) {
            return;
        }
        boolean firstOnly = current.settings().handshake().first()
                && current.settings().handshake().fallbackDelay().isZero();
        if (settings.allowNonTls() && !firstOnly) {
            LOG.info("TLS available for client connections");
        } else {
            LOG.info("TLS required for client connections");
        }
        if (firstOnly) {
            LOG.warn("Clients that are not using \"TLS Handshake First\" option will fail to connect");
        }
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
        eventLoops.shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS).awaitUninterruptibly(timeoutMillis);
    }
}
