package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.websocket.WebsocketClientListener;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.WebsocketSettings;

import java.net.InetSocketAddress;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * The WebSocket listener of the {@code websocket} block, when it has a port. Plain {@code ws} only: a block with
 * {@code tls} is refused when the configuration is loaded until TLS lands, which will pass its context here.
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
        if (websocket.tls() != null) {
            throw new IllegalStateException("websocket TLS (wss) is not supported by Natrium yet");
        }
        return new Websocket(new WebsocketClientListener(websocket, limits, connectClient, tracer, null));
    }

    private record Websocket(WebsocketClientListener listener) implements WebsocketListener {

        @Override
        public InetSocketAddress start() throws InterruptedException {
            return listener.start();
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
