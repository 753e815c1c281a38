package io.natrium.adapter.tcp;

import io.natrium.adapter.tls.ServerTls;
import io.natrium.adapter.tls.TlsEventsHandler;
import io.natrium.application.port.TlsHandshake;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * Decides when a client connection starts TLS, as nats-server does, then puts Netty's {@code SslHandler} in its
 * place in front of the protocol handler (which never sees anything but plaintext):
 * <ul>
 * <li>{@link Mode#INFO_FIRST}: INFO goes out in clear text (with {@code tls_required}), then the handshake.</li>
 * <li>{@link Mode#MIXED} ({@code allow_non_tls}): INFO says {@code tls_available}; a client whose first byte is a
 * TLS handshake record (0x16) gets the handshake, any other stays in clear text.</li>
 * <li>{@link Mode#TLS_FIRST} ({@code handshake_first}): the handshake comes first, INFO after it, encrypted.</li>
 * <li>{@link Mode#TLS_FIRST_OR_INFO} ({@code handshake_first} with a fallback delay): as TLS_FIRST if the client
 * speaks within the delay, else as INFO_FIRST.</li>
 * </ul>
 * Reads that come before the decision are held and passed on once the pipeline is in its final shape.
 */
final class TlsNegotiationHandler extends ChannelInboundHandlerAdapter {

    static final String NAME = "tls-negotiation";
    static final String TLS = "tls";
    static final String GUARD = "tls-first-record";
    private static final int HANDSHAKE_RECORD = 0x16;

    enum Mode { INFO_FIRST, MIXED, TLS_FIRST, TLS_FIRST_OR_INFO }

    private final ServerTls tls;
    private final Mode mode;
    private final long fallbackNanos;
    private final TlsEventsHandler events;
    private final Queue<Object> held = new ArrayDeque<>();
    private ScheduledFuture<?> fallback;
    private boolean decided;
    private boolean throttled;

    TlsNegotiationHandler(ServerTls tls, Mode mode, long fallbackNanos, TlsEventsHandler events) {
        this.tls = tls;
        this.mode = mode;
        this.fallbackNanos = fallbackNanos;
        this.events = events;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        switch (mode) {
            case INFO_FIRST -> {
                ctx.fireChannelActive();
                // After what the session queued while greeting (a refusal for max_connections closes in clear).
                ctx.executor().execute(() -> startAfterInfo(ctx));
            }
            case MIXED -> ctx.fireChannelActive();
            case TLS_FIRST -> startFirst(ctx);
            case TLS_FIRST_OR_INFO -> fallback = ctx.executor().schedule(() -> {
                if (!decided && ctx.channel().isActive()) {
                    ctx.fireChannelActive();
                    startAfterInfo(ctx);
                }
            }, fallbackNanos, TimeUnit.NANOSECONDS);
            default -> throw new IllegalStateException(mode.name());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (throttled) {
            // Turned away: what the client sends meanwhile (its hello) is not for the session.
            ReferenceCountUtil.release(msg);
            return;
        }
        if (decided) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (mode == Mode.MIXED && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            decided = true;
            if (bytes.getUnsignedByte(bytes.readerIndex()) == HANDSHAKE_RECORD) {
                held.add(msg);
                upgrade(ctx);
            } else {
                ctx.pipeline().remove(TlsEventsHandler.class);
                ctx.pipeline().remove(this);
                ctx.fireChannelRead(msg);
            }
            return;
        }
        held.add(msg);
        if (mode == Mode.TLS_FIRST_OR_INFO && fallback != null && fallback.cancel(false)) {
            // The client spoke within the delay: only a client doing TLS first would.
            startFirst(ctx);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        release();
        if (fallback != null) {
            fallback.cancel(false);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    private void startAfterInfo(ChannelHandlerContext ctx) {
        if (decided || !ctx.channel().isActive()) {
            return;
        }
        decided = true;
        upgrade(ctx);
    }

    /** The handshake before INFO: the session's greeting waits in the TLS layer until the handshake is done. */
    private void startFirst(ChannelHandlerContext ctx) {
        decided = true;
        if (!tls.allowHandshake()) {
            ctx.fireChannelActive();
            throttle(ctx);
            return;
        }
        events.handshakeFirst();
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addBefore(NAME, TLS, tls.newHandler(ctx.alloc()));
        pipeline.addBefore(TLS, GUARD, new FirstRecordGuardHandler());
        ctx.fireChannelActive();
        ctx.fireUserEventTriggered(new TlsHandshake.Started());
        replay(pipeline, ctx);
    }

    /** Replaces this handler with the TLS layer and hands it what the client sent so far. */
    private void upgrade(ChannelHandlerContext ctx) {
        if (!tls.allowHandshake()) {
            throttle(ctx);
            return;
        }
        ctx.fireUserEventTriggered(new TlsHandshake.Started());
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addBefore(NAME, TLS, tls.newHandler(ctx.alloc()));
        pipeline.addBefore(TLS, GUARD, new FirstRecordGuardHandler());
        replay(pipeline, ctx);
    }

    /**
     * nats-server's {@code connection_rate_limit}: no handshake, the client told so in clear and closed by its
     * session.
     */
    private void throttle(ChannelHandlerContext ctx) {
        throttled = true;
        release();
        ctx.fireUserEventTriggered(new TlsHandshake.Throttled());
    }

    private void replay(ChannelPipeline pipeline, ChannelHandlerContext ctx) {
        Queue<Object> pending = new ArrayDeque<>(held);
        held.clear();
        pipeline.remove(this);
        boolean any = !pending.isEmpty();
        for (Object msg = pending.poll(); msg != null; msg = pending.poll()) {
            pipeline.fireChannelRead(msg);
        }
        if (any) {
            pipeline.fireChannelReadComplete();
        }
    }

    private void release() {
        for (Object msg = held.poll(); msg != null; msg = held.poll()) {
            ReferenceCountUtil.release(msg);
        }
    }
}
