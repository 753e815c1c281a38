package io.natrium.adapter.inprocess;

import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.local.LocalAddress;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts in-process clients under a name unique in the JVM ({@link InProcessConnection#open} connects to it) with
 * the same protocol handler as the TCP listener. Its one event loop runs both ends of every in-process connection:
 * a publish is read, routed and handed to the subscriber's end on one thread, with no hand-off between the client's
 * loop and the server's. The loop is a {@link BorrowableEventLoop}: while it is idle, the client thread that writes
 * runs that work itself, so a request reaches its responder without waking the loop's thread at all.
 */
public final class InProcessClientListener {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessClientListener.class);
    /** The TCP listener's marks, so the write deadline starts at the same amount of refused data. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

    private final String name;
    private final OutboundLimits limits;
    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final InProcessEventLoopGroup eventLoops;
    private final BorrowableEventLoop loop;
    private volatile Channel listening;

    /**
     * @param name the address clients connect to; binding fails when another listener of the JVM has it
     */
    public InProcessClientListener(String name, OutboundLimits limits, ConnectClientUseCase connectClient,
            ProtocolTracer tracer) {
        this.name = name;
        this.limits = limits;
        this.connectClient = connectClient;
        this.tracer = tracer;
        this.eventLoops = new InProcessEventLoopGroup("natrium-inprocess");
        this.loop = eventLoops.loop();
    }

    /** Starts accepting; returns the name clients connect to. */
    public String start() throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop)
                .channelFactory(WindowedServerChannel::new)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new InProcessChannelInitializer(limits, connectClient, tracer));
        listening = bootstrap.bind(new LocalAddress(name)).sync().channel();
        ListenerLoops.accepting(name, loop);
        LOG.debug("Listening for in-process clients as {}", name);
        return name;
    }

    public String name() {
        return name;
    }

    /** Stops accepting; open connections stay. */
    public void stopAccepting() {
        ListenerLoops.stopped(name, loop);
        Channel channel = listening;
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
    }

    /** Stops accepting and the event loops, waiting at most {@code timeoutMillis}. */
    public void shutdown(long timeoutMillis) {
        stopAccepting();
        eventLoops.shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS).awaitUninterruptibly(timeoutMillis);
    }
}
