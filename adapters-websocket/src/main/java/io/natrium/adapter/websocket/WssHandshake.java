package io.natrium.adapter.websocket;

import io.natrium.adapter.tls.TlsStates;
import io.natrium.application.port.TlsHandshake;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;

/**
 * Tells a wss client's session about the TLS handshake that came before its HTTP upgrade, as a TCP client's session
 * hears of its own: the session keeps the certificate for {@code verify_and_map} and checks it against the
 * {@code websocket} block's {@code pinned_certs}. Nothing is told over plain ws.
 */
final class WssHandshake {

    private WssHandshake() {
    }

    /** From {@code context} on, once the session is open. */
    static void report(ChannelHandlerContext context) {
        SslHandler tls = context.pipeline().get(SslHandler.class);
        if (tls != null) {
            context.fireUserEventTriggered(new TlsHandshake.Completed(TlsStates.of(tls, false)));
        }
    }
}
