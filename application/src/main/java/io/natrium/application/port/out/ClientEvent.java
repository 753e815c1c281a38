package io.natrium.application.port.out;

import java.time.Instant;

/**
 * A client connected ({@code io.nats.server.advisory.v1.client_connect}), closed or failed to authenticate
 * ({@code io.nats.server.advisory.v1.client_disconnect}). For a connect, {@code sent}, {@code received} and
 * {@code reason} are null and not written.
 *
 * @param sent     what the client sent (nats-server's "sent" is the client's inbound traffic)
 * @param received what the client was sent
 */
public record ClientEvent(boolean connect, String id, Instant timestamp, EventServer server, ClientInfo client,
        DataStats sent, DataStats received, String reason) {
}
