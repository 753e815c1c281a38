package io.natrium.adapter.protocol;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.ProxyHeader;
import io.natrium.application.port.TlsHandshake;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a client connection's pipeline: creates the session when the channel becomes active, feeds every read
 * through the {@link ClientProtocolDecoder} (inline, nothing is passed down the pipeline per message; reads are not
 * joined, see {@link CarriedInput}), flushes the deliveries of a read when the read completes, and reports the close.
 */
public final class ClientConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionHandler.class);

    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final OutboundLimits limits;
    private final ClientOrigin origin;
    private NettyClientOutbound outbound;
    private ClientSession session;
    private ClientProtocolDecoder parser;
    private CarriedInput input;
    /** Set once an exception closed the connection: what the client sends after it is not acted on. */
    private boolean failed;

    /** {@code tracer} traces what this connection's client sends (and, through the session, what it is sent). */
    public ClientConnectionHandler(ConnectClientUseCase connectClient, ProtocolTracer tracer, OutboundLimits limits) {
        this(connectClient, tracer, limits, ClientOrigin.STANDARD);
    }

    /**
     * A handler for a client that came through another transport first (a WebSocket upgrade): the session is
     * opened when this handler sees {@code channelActive}, which such a transport fires once it hands over.
     */
    public ClientConnectionHandler(ConnectClientUseCase connectClient, ProtocolTracer tracer, OutboundLimits limits,
            ClientOrigin origin) {
        this.connectClient = connectClient;
        this.tracer = tracer;
        this.limits = limits;
        this.origin = origin;
    }

    /** Why the connection is closing, as the outbound decided it; null while it is not (or not known yet). */
    public CloseReason closeReason() {
        return outbound == null ? null : outbound.closeReason();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        outbound = new NettyClientOutbound(ctx.channel(), limits);
        // Before the session exists: it may hold its input as soon as it opens (a full server settling first).
        outbound.whenInputResumes(() -> decodeHeldInput(ctx));
        SocketAddress remote = ctx.channel().remoteAddress();
        // An address that is not host:port (an in-process client's) has no host and port 0, as nats-server's
        // in-process clients (net.Pipe) have.
        String host = remote instanceof InetSocketAddress inet ? HostText.of(inet.getAddress()) : "";
        int port = remote instanceof InetSocketAddress inet ? inet.getPort() : 0;
        session = connectClient.connect(
                new ConnectClientCommand(host, port, new NettySessionExecutor(ctx.channel().eventLoop()),
                        origin.type(), origin.cookies(), origin.forwardedFor(), origin.greeting()), outbound);
        outbound.traceAs(session, tracer);
        parser = new ClientProtocolDecoder(session, tracer);
        input = new CarriedInput(parser, ctx.alloc());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf read)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (failed) {
                return;
            }
            input.read(read);
            afterDecoding();
        } finally {
            read.release();
        }
    }

    private void afterDecoding() {
        if (session.isClosed()) {
            // As nats-server's read loop ends with the connection: what the client sends from now on stays unread.
            outbound.stopReading();
            if (parser.refusedPayloadArrived()) {
                outbound.resetOnClose();
            }
        }
    }

    /** Runs what arrived while the session decided a CONNECT through the decoder, as one more read. */
    private void decodeHeldInput(ChannelHandlerContext ctx) {
        if (parser == null || failed) {
            // Resumed while the session was being opened: nothing can have been read yet.
            return;
        }
        try {
            input.replay();
            afterDecoding();
            channelReadComplete(ctx);
        } catch (Exception e) {
            exceptionCaught(ctx, e);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (session != null) {
            session.readBatchComplete();
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * The transport's TLS layer, in front of this handler, reports the steps of its handshake as user events; the
     * session logs them and closes on failure. Everything else passes on.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof TlsHandshake step && session != null) {
            session.tlsHandshake(step);
            return;
        }
        if (event instanceof ProxyHeader header && session != null) {
            session.proxyHeader(header);
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (outbound != null) {
            outbound.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (input != null) {
            input.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        try {
            if (input != null) {
                input.release();
            }
            super.channelInactive(ctx);
        } finally {
            if (session != null) {
                outbound.channelClosed();
                CloseReason reason = outbound.closeReason();
                session.transportClosed(reason == null ? CloseReason.CLIENT_CLOSED : reason);
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failed = true;
        if (cause instanceof ClientReadError) {
            LOG.error("{} - read error: {}", session, cause.getMessage());
            closeWith(ctx, CloseReason.READ_ERROR);
        } else if (cause instanceof IOException) {
            LOG.debug("{} - read error: {}", session, cause.getMessage());
            closeWith(ctx, CloseReason.READ_ERROR);
        } else {
            LOG.error("{} - unexpected error, closing the connection", session, cause);
            closeWith(ctx, CloseReason.PROTOCOL_VIOLATION);
        }
    }

    private void closeWith(ChannelHandlerContext ctx, CloseReason reason) {
        if (outbound != null) {
            outbound.close(reason);
        } else {
            ctx.close();
        }
    }
}
