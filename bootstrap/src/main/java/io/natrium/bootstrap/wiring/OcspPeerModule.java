package io.natrium.bootstrap.wiring;

import io.natrium.adapter.tls.OcspPeerCache;
import io.natrium.adapter.tls.OcspPeerVerifier;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.ServerSettings;

import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * The server's one {@link OcspPeerVerifier}: every listener whose {@code tls} block has {@code ocsp_peer} (client
 * port, WebSocket, MQTT, as nats-server plugs each as a {@code Client} kind) checks through it, sharing the response
 * cache {@code ocsp_cache} asks for, and its events go to the system account as the server's events do.
 */
public final class OcspPeerModule extends AbstractModule {

    @Provides
    @Singleton
    OcspPeerVerifier ocspPeerVerifier(ServerSettings settings, ServerContext context) {
        return new OcspPeerVerifier(OcspPeerCache.of(settings.ocspCache()),
                event -> context.events().ocspPeer(event), Clock.systemUTC());
    }
}
