package io.nats.client.impl;

import io.nats.client.support.NatsUri;

import java.io.IOException;
import java.net.URISyntaxException;

/**
 * The one Natrium class in jnats's package, and why: jnats 2.24.1 declares {@code DataPort.connect} with its
 * package-private {@code NatsConnection}, so no class outside this package can implement it. This bridge takes
 * the connection's place in the signatures and hands the rest to Natrium's
 * {@code io.natrium.embedded.jnats.InProcessDataPort}, which needs nothing of the connection.
 */
public abstract class NatriumDataPortBridge implements DataPort {

    /** Connects to the server the URI names; the connection itself is of no use to an in-process port. */
    protected abstract void connect(NatsUri uri, long timeoutNanos) throws IOException;

    @Override
    public final void connect(String serverUri, NatsConnection connection, long timeoutNanos) throws IOException {
        try {
            connect(new NatsUri(serverUri), timeoutNanos);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    @Override
    public final void connect(NatsConnection connection, NatsUri uri, long timeoutNanos) throws IOException {
        connect(uri, timeoutNanos);
    }
}
