package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.TlsHandshake;
import io.natrium.application.port.TlsState;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.domain.auth.ConnectionType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's TLS handshake as its transport reports the steps: each logged with the client's prefix, the agreed
 * state recorded for authentication and monitoring, nats-server's pinned-certificate check applied, and a failure
 * closing the client as nats-server's does. Confined to the connection's thread.
 */
final class ClientTlsHandshake {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final ClientConnection connection;
    private final ServerContext server;
    private final PresentedCredentials presented;

    ClientTlsHandshake(ClientConnection connection, ServerContext server, PresentedCredentials presented) {
        this.connection = connection;
        this.server = server;
        this.presented = presented;
    }

    void step(TlsHandshake step) {
        if (step instanceof TlsHandshake.Started) {
            LOG.debug("{} - Starting TLS client connection handshake", connection);
        } else if (step instanceof TlsHandshake.Completed completed) {
            TlsState state = completed.state();
            presented.tlsState(state);
            if (!pinned(state)) {
                if (!connection.isClosed()) {
                    LOG.error("{} - TLS handshake error: certificate not pinned", connection);
                    connection.closeQuietly(CloseReason.TLS_HANDSHAKE_ERROR);
                }
                return;
            }
            if (!overWebsocket()) {
                // nats-server logs only the handshakes it makes itself; the HTTP server makes the wss one.
                LOG.debug("{} - TLS handshake complete", connection);
                LOG.debug("{} - TLS version {}, cipher suite {}", connection, state.version(),
                        state.cipherSuite());
            }
        } else if (step instanceof TlsHandshake.Throttled && !connection.isClosed()) {
            // nats-server's words and reason for a handshake its TLS rate limit refuses.
            connection.closeWithError("Connection throttling is active. Please try again later.",
                    CloseReason.MAX_CONNECTIONS_EXCEEDED);
        } else if (step instanceof TlsHandshake.Failed failed && !connection.isClosed()) {
            LOG.error("{} - TLS handshake error: {}", connection, failed.error());
            connection.closeQuietly(CloseReason.TLS_HANDSHAKE_ERROR);
        }
    }

    /**
     * nats-server's {@code matchesPinnedCert}: with {@code pinned_certs}, the client's own certificate must have one
     * of the pinned public keys (hex SHA-256 of its SubjectPublicKeyInfo). A wss client is held to the
     * {@code websocket} block's pins, which nats-server parses and shows in /varz but does not check when a client
     * connects: Natrium does, rather than let in certificates the operator meant to keep out.
     */
    private boolean overWebsocket() {
        return connection.connectionType() == ConnectionType.WEBSOCKET;
    }

    private boolean pinned(TlsState state) {
        TlsSettings tls = listenerTls();
        if (tls == null || tls.verify().pinnedCerts().isEmpty()) {
            return true;
        }
        if (state.peerCertificates().isEmpty()) {
            LOG.debug("{} - Failed pinned cert test as client did not provide a certificate", connection);
            return false;
        }
        String keyId = state.peerCertificates().get(0).spkiSha256();
        if (!tls.verify().pinnedCerts().contains(keyId)) {
            LOG.debug("{} - Failed pinned cert test for key id: {}", connection, keyId);
            return false;
        }
        return true;
    }

    /**
     * The TLS block of the listener the client came through: MQTT over TLS pins with the {@code mqtt} block's, a
     * client over wss with the {@code websocket} block's.
     */
    private TlsSettings listenerTls() {
        ServerSettings settings = server.settings();
        return switch (connection.connectionType()) {
            case MQTT -> settings.mqtt().tls();
            case WEBSOCKET, MQTT_WS -> settings.websocket().tls();
            default -> settings.tls();
        };
    }
}
