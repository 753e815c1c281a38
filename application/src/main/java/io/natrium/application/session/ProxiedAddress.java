package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.ProxyHeader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PROXY protocol header's effect on the connection: the client's own address replaces the socket's for
 * monitoring, events and a user JWT's {@code src} networks, while the log prefix keeps the socket's as nats-server's
 * does; a malformed header closes the connection without {@code -ERR}.
 */
final class ProxiedAddress {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private ProxiedAddress() {
    }

    static void apply(ClientConnection connection, ProxyHeader header) {
        if (header instanceof ProxyHeader.Proxied proxied) {
            connection.registered().proxiedFrom(proxied.host(), proxied.port());
            connection.presented().clientIp(proxied.host());
        } else if (header instanceof ProxyHeader.Malformed malformed) {
            LOG.warn("Error reading PROXY protocol header from {}: {}", malformed.socketAddress(), malformed.error());
            connection.closeQuietly(CloseReason.PROTOCOL_VIOLATION);
        }
    }
}
