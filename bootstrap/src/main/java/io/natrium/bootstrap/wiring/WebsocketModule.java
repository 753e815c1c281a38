package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.websocket.WebsocketClientListener;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.application.settings.WebsocketSettings;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslHandler;

import java.net.InetSocketAddress;
import java.util.function.Function;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * The WebSocket listener of the {@code websocket} block, when it has a port: {@code wss} when the block has
 * {@code tls}, built as the client port's TLS is (its own {@link ClientTls}, so a reload's certificates serve the
 * connections after it, as nats-server's {@code wsGetTLSConfig} does), else plain {@code ws}.
 */
public final class WebsocketModule extends AbstractModule {

    @Provides
    @Singleton
    WebsocketListener websocketListener(ServerSettings settings, OutboundLimits limits,
            ConnectClientUseCase connectClient, ProtocolTracer tracer) {
        WebsocketSettings websocket = settings.websocket();
        if (!websocket.enabled()) {
            return WebsocketListener.NONE;
        }
        ClientTls tls = websocket.tls() == null ? null : ClientTls.of(websocket.tls());
        return new Websocket(new WebsocketClientListener(websocket, limits, connectClient, tracer,
                tls == null ? null : handlers(tls, websocket)), tls);
    }

    /**
     * Each connection's TLS handler. nats-server bounds the TLS handshake by the block's {@code handshake_timeout}
     * (Go's {@code ReadTimeout}), not by the {@code tls} block's {@code timeout}: when it is set, the upgrade's own
     * timer, started as the connection opens, covers the TLS handshake too. Without it nats-server sets no bound;
     * Natrium keeps the {@code tls} block's timeout then, so a stalled handshake cannot hold a socket forever.
     */
    private static Function<ByteBufAllocator, SslHandler> handlers(ClientTls tls, WebsocketSettings websocket) {
        boolean upgradeTimerBounds = websocket.handshakeTimeout().toNanos() > 0;
        return allocator -> {
            SslHandler handler = tls.get().newHandler(allocator);
            if (upgradeTimerBounds) {
                handler.setHandshakeTimeoutMillis(0);
            }
            return handler;
        };
    }

    private record Websocket(WebsocketClientListener listener, ClientTls tls) implements WebsocketListener {

        @Override
        public InetSocketAddress start() throws InterruptedException {
            return listener.start();
        }

        @Override
        public boolean secure() {
            return tls != null;
        }

        @Override
        public void tlsReloaded(TlsSettings settings) {
            // A reload may only change the block's TLS; a listener started as ws stays ws until a restart.
            if (tls != null && settings != null) {
                tls.reload(settings);
            }
        }

        @Override
        public void stopAccepting() {
            listener.stopAccepting();
        }

        @Override
        public void shutdown(long timeoutMillis) {
            listener.shutdown(timeoutMillis);
        }
    }
}
