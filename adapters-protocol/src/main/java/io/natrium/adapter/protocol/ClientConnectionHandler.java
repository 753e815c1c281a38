package io.natrium.adapter.protocol;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.ProxyHeader;
import io.natrium.application.port.TlsHandshake;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a client connection's pipeline: creates the session when the channel becomes active, feeds every read
 * through the {@link ClientProtocolDecoder} (inline, nothing is passed down the pipeline per message), flushes the
 * deliveries of a read when the read completes, and reports the close.
 */
public final class ClientConnectionHandler extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionHandler.class);
    /** A held read buffer up to this size is kept as it is: Netty's smallest reads come in buffers of 2 KiB. */
    private static final int COMPACT_ABOVE_CAPACITY = 4096;

    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final OutboundLimits limits;
    private final ClientOrigin origin;
    private NettyClientOutbound outbound;
    private ClientSession session;
    private ClientProtocolDecoder parser;
    /** Set once an exception closed the connection: what the client sends after it is not acted on. */
    private boolean failed;
    /** The size of the latest read, which the cumulation ends with. */
    private int readBytes;
    /** Set while {@link #compactHeldInput} hands the decoder a smaller copy of what it holds: nothing to decode. */
    private boolean compacting;

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
        String host = remote instanceof InetSocketAddress inet ? HostText.of(inet.getAddress()) : String.valueOf(remote);
        int port = remote instanceof InetSocketAddress inet ? inet.getPort() : 0;
        session = connectClient.connect(
                new ConnectClientCommand(host, port, new NettySessionExecutor(ctx.channel().eventLoop()),
                        origin.type(), origin.cookies(), origin.forwardedFor(), origin.greeting()), outbound);
        outbound.traceAs(session, tracer);
        parser = new ClientProtocolDecoder(session, tracer);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        // The empty read that replays input held during a CONNECT keeps the size of the read that brought it.
        if (msg instanceof ByteBuf read && read.isReadable()) {
            readBytes = read.readableBytes();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (compacting) {
            // The same bytes, already decoded as far as they go, in a smaller buffer.
            return;
        }
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        parser.decode(in, readBytes);
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
        if (parser == null) {
            // Resumed while the session was being opened: nothing can have been read yet.
            return;
        }
        try {
            channelRead(ctx, Unpooled.EMPTY_BUFFER);
            channelReadComplete(ctx);
        } catch (Exception e) {
            exceptionCaught(ctx, e);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            session.readBatchComplete();
        }
        compactHeldInput(ctx);
        super.channelReadComplete(ctx);
    }

    /**
     * A read that ends inside an operation leaves its few last bytes in the read buffer, which (up to 64 KiB) stays
     * held until the client sends the rest: a client that goes idle there would keep it. As nats-server shrinks a
     * read buffer that reads do not fill, the bytes are moved to a buffer of their size and the large one goes back
     * to the pool. Handed to the decoder as one more read, whose cumulation then takes the copy in place of the
     * emptied buffer (Netty's merge cumulator keeps the new buffer when the old one is empty).
     */
    private void compactHeldInput(ChannelHandlerContext ctx) throws Exception {
        ByteBuf held = internalBuffer();
        int rest = held.readableBytes();
        if (rest == 0 || held.capacity() <= COMPACT_ABOVE_CAPACITY || rest > held.capacity() / 8
                || held.refCnt() != 1) {
            return;
        }
        ByteBuf copy = ctx.alloc().buffer(rest);
        copy.writeBytes(held);
        compacting = true;
        try {
            super.channelRead(ctx, copy);
        } finally {
            compacting = false;
        }
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
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        try {
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
