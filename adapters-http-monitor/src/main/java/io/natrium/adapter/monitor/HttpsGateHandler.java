package io.natrium.adapter.monitor;

import io.natrium.adapter.tls.GoTlsErrors;
import io.natrium.adapter.tls.ServerTls;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first five bytes of an HTTPS monitoring connection, judged as Go's HTTP server judges them before its TLS
 * handshake: a plain HTTP request gets Go's {@code 400} in clear text and the connection is closed; a first record
 * too long to be a hello gets Go's {@code record_overflow} alert; anything else goes to the TLS layer, which takes
 * the client port's TLS in force (so a reload's certificates apply here too, as nats-server's
 * {@code GetConfigForClient} does) without asking for a client certificate.
 */
final class HttpsGateHandler extends ByteToMessageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(HttpsGateHandler.class);
    private static final int HEADER = 5;
    /** Go's {@code tlsRecordHeaderLooksLikeHTTP}: the only prefixes it answers with a 400. */
    private static final Set<String> HTTP_PREFIXES = Set.of("GET /", "HEAD ", "POST ", "PUT /", "OPTIO");
    private static final byte[] PLAIN_HTTP_REFUSAL =
            "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
                    .getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_CIPHERTEXT = 16384 + 2048;
    private static final int ALERT = 0x15;
    private static final int HANDSHAKE = 0x16;
    private static final byte[] RECORD_OVERFLOW = {ALERT, 0x03, 0x01, 0x00, 0x02, 0x02, 0x16};

    private final Supplier<ServerTls> tls;
    private ScheduledFuture<?> deadline;

    HttpsGateHandler(Supplier<ServerTls> tls) {
        this.tls = tls;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ServerTls current = tls.get();
        if (current == null) {
            // A reload took the client port's TLS away: there is nothing to serve HTTPS with.
            ctx.close();
            return;
        }
        // The TLS layer bounds the handshake once it has the first bytes; until then this does.
        deadline = ctx.executor().schedule(() -> {
            MonitorHandshakeLogHandler.logFailure(ctx.channel(), GoTlsErrors.describe(
                    new SslHandshakeTimeoutException("no TLS record"), ctx.channel().localAddress(),
                    ctx.channel().remoteAddress()));
            ctx.close();
        }, current.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < HEADER) {
            return;
        }
        int at = in.readerIndex();
        String prefix = in.toString(at, HEADER, StandardCharsets.ISO_8859_1);
        if (HTTP_PREFIXES.contains(prefix)) {
            in.skipBytes(in.readableBytes());
            ctx.writeAndFlush(Unpooled.wrappedBuffer(PLAIN_HTTP_REFUSAL)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        int type = in.getUnsignedByte(at);
        int version = in.getUnsignedShort(at + 1);
        int length = in.getUnsignedShort(at + 3);
        if ((type == HANDSHAKE || type == ALERT) && version < 0x1000 && length > MAX_CIPHERTEXT) {
            in.skipBytes(in.readableBytes());
            MonitorHandshakeLogHandler.logFailure(ctx.channel(),
                    "tls: oversized record received with length " + length);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(RECORD_OVERFLOW)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ServerTls current = tls.get();
        if (current == null) {
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        LOG.trace("HTTPS monitoring handshake with {}", ctx.channel().remoteAddress());
        ctx.pipeline().addAfter(ctx.name(), null, new MonitorHandshakeLogHandler());
        // What this has read goes on to the TLS layer when it leaves the pipeline.
        ctx.pipeline().replace(this, null, current.newHandlerWithoutClientCertificate(ctx.alloc()));
    }
}
