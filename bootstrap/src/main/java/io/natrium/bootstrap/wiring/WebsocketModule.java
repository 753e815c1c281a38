package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tls.OcspPeerVerifier;
import io.natrium.adapter.websocket.WebsocketClientListener;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.application.settings.WebsocketSettings;

import java.net.InetSocketAddress;

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
            ConnectClientUseCase connectClient, ProtocolTracer tracer, MqttListener mqtt,
            OcspPeerVerifier peers) {
        WebsocketSettings websocket = settings.websocket();
        if (!websocket.enabled()) {
            return WebsocketListener.NONE;
        }
        ClientTls tls = websocket.tls() == null ? null : ClientTls.of(websocket.tls(), peers);
        // Upgrades on /mqtt carry MQTT to the MQTT listener's handling, when there is one.
        return new Websocket(new WebsocketClientListener(websocket, limits, connectClient, tracer, tls,
                mqtt.overWebsocket()), tls);
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
