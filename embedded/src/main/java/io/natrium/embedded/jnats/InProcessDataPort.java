package io.natrium.embedded.jnats;

import io.natrium.adapter.inprocess.InProcessConnection;
import io.nats.client.impl.NatriumDataPortBridge;
import io.nats.client.support.NatsUri;

import java.io.IOException;
import java.time.Duration;

/**
 * A jnats {@code DataPort} to an embedded server's in-process listener: the host of the server URL names the
 * server ({@code nats://natrium-inprocess-1:4222}, {@code NatriumServer.inProcessUrl()}). jnats speaks the same
 * protocol as over a socket; there is no TLS. Select it with {@code Options.Builder.dataPortType(
 * InProcessDataPort.class.getName())}, or take {@link InProcessNats#options}.
 */
public final class InProcessDataPort extends NatriumDataPortBridge {

    private volatile InProcessConnection connection;

    @Override
    protected void connect(NatsUri uri, long timeoutNanos) throws IOException {
        connection = InProcessConnection.open(uri.getHost(), Duration.ofNanos(Math.max(timeoutNanos, 1_000_000)));
    }

    /** An in-process connection never leaves the JVM: there is nothing to encrypt. */
    @Override
    public void upgradeToSecure() throws IOException {
        throw new IOException("TLS is not available over the in-process transport");
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        return open().read(dst, off, len);
    }

    @Override
    public void write(byte[] src, int toWrite) throws IOException {
        open().write(src, 0, toWrite);
    }

    @Override
    public void shutdownInput() {
        InProcessConnection current = connection;
        if (current != null) {
            current.shutdownInput();
        }
    }

    @Override
    public void close() {
        InProcessConnection current = connection;
        if (current != null) {
            current.close();
        }
    }

    /** Writes are handed over as they come. */
    @Override
    public void flush() {
        // Nothing is buffered here.
    }

    private InProcessConnection open() throws IOException {
        InProcessConnection current = connection;
        if (current == null) {
            throw new IOException("not connected");
        }
        return current;
    }
}
