package io.natrium.adapter.tls;

import io.natrium.application.port.TlsHandshake;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import javax.net.ssl.SSLException;

/**
 * Sits between the TLS layer and the protocol handler of a TLS-capable client connection and turns Netty's
 * handshake outcome into the application's {@link TlsHandshake} steps, in nats-server's words. A failed handshake is
 * the session's to log and close; the decoding exceptions that follow it are dropped here, so that it is not reported
 * a second time as an unexpected error. After the handshake a TLS error is a read error, as for nats-server.
 */
public final class TlsEventsHandler extends ChannelInboundHandlerAdapter {

    private boolean first;
    private boolean handshakeFailed;
    private boolean secured;

    /** The handshake comes before INFO ({@code handshake_first}); /connz says so. */
    public void handshakeFirst() {
        first = true;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (!(event instanceof SslHandshakeCompletionEvent completion)) {
            // A failure found in front of the TLS layer (an oversized first record) is the one to report.
            handshakeFailed |= event instanceof TlsHandshake.Failed;
            super.userEventTriggered(ctx, event);
            return;
        }
        if (completion.isSuccess()) {
            secured = true;
            SslHandler tls = ctx.pipeline().get(SslHandler.class);
            ctx.fireUserEventTriggered(new TlsHandshake.Completed(TlsStates.of(tls, first)));
        } else if (!handshakeFailed) {
            handshakeFailed = true;
            ctx.fireUserEventTriggered(new TlsHandshake.Failed(GoTlsErrors.describe(completion.cause(),
                    ctx.channel().localAddress(), ctx.channel().remoteAddress())));
            // The session closes after logging; a channel it did not reach (closed already) closes here.
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        Throwable tlsCause = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        boolean tlsError = tlsCause instanceof SSLException || tlsCause instanceof NotSslRecordException;
        if (tlsError && (handshakeFailed || !secured)) {
            ctx.close();
            return;
        }
        super.exceptionCaught(ctx, tlsError ? tlsCause : cause);
    }
}
