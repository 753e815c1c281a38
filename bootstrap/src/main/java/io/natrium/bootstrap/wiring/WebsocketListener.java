package io.natrium.bootstrap.wiring;

import io.natrium.application.settings.TlsSettings;

import java.net.InetSocketAddress;

/** The WebSocket listener as the server's lifecycle drives it; {@link #NONE} when no {@code websocket} port is set. */
public interface WebsocketListener {

    WebsocketListener NONE = new WebsocketListener() {
        @Override
        public InetSocketAddress start() {
            return null;
        }

        @Override
        public void stopAccepting() {
        }

        @Override
        public void shutdown(long timeoutMillis) {
        }
    };

    /** Starts accepting WebSocket clients; returns the address bound, or null when there is no listener. */
    InetSocketAddress start() throws InterruptedException;

    /** Whether the listener serves {@code wss}. */
    default boolean secure() {
        return false;
    }

    /** A reload's {@code websocket { tls }} block, for the connections accepted from now on. */
    default void tlsReloaded(TlsSettings tls) {
    }

    /** Stops accepting; open connections stay. */
    void stopAccepting();

    /** Stops accepting and ends the connections' threads, waiting at most {@code timeoutMillis}. */
    void shutdown(long timeoutMillis);
}
