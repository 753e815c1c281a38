package io.natrium.bootstrap.wiring;

import io.natrium.application.settings.TlsSettings;

import java.net.InetSocketAddress;

/**
 * A listener on a port of its own beside the client port (WebSocket, MQTT), as the server's lifecycle drives it: what
 * {@link WebsocketListener} and {@link MqttListener} share.
 */
public interface PortListener {

    /** Starts accepting clients; returns the address bound, or null when there is no listener. */
    InetSocketAddress start() throws InterruptedException;

    /** A reload's {@code tls} block of the listener's own block, for the connections accepted from now on. */
    default void tlsReloaded(TlsSettings tls) {
    }

    /** Stops accepting; open connections stay. */
    void stopAccepting();

    /** Stops accepting and ends the connections' threads, waiting at most {@code timeoutMillis}. */
    void shutdown(long timeoutMillis);
}
