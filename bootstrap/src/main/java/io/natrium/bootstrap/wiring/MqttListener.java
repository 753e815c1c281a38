package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.CarriedProtocol;
import io.natrium.application.settings.TlsSettings;

import java.net.InetSocketAddress;

/** The MQTT listener as the server's lifecycle drives it; {@link #NONE} when no {@code mqtt} port is set. */
public interface MqttListener {

    MqttListener NONE = new MqttListener() {
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

    /** Starts accepting MQTT clients; returns the address bound, or null when there is no listener. */
    InetSocketAddress start() throws InterruptedException;

    /** MQTT for the websocket listener's {@code /mqtt}; null when there is no MQTT listener. */
    default CarriedProtocol overWebsocket() {
        return null;
    }

    /** A reload's {@code mqtt { tls }} block, for the connections accepted from now on. */
    default void tlsReloaded(TlsSettings tls) {
    }

    /** Stops accepting; open connections stay. */
    void stopAccepting();

    /** Stops accepting and ends the connections' threads, waiting at most {@code timeoutMillis}. */
    void shutdown(long timeoutMillis);
}
