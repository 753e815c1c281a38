package io.natrium.bootstrap.wiring;

import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.testkit.memory.InMemoryClient;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * The in-memory {@link ClientListener}: {@link #connect()} hands the server a new in-memory client through the same
 * {@code ConnectClientUseCase} the TCP listener calls, while it accepts. Every client's event loop is run by the
 * test's thread ({@link InMemoryClient#runPending()}, {@link #runPending()}); {@link #shutdown} runs what is left
 * on them, as Netty's event loops run their tasks before they stop. A server shutting down closes its clients on
 * their loops and waits for the closes to be reported, so a test that shuts a server down with clients still open
 * runs the loops meanwhile ({@link #runPending()}) or waits out the server's grace period.
 */
public final class InMemoryListener implements ClientListener {

    private final ServerSettings settings;
    private final LongSupplier maxPending;
    private final ConnectClientUseCase connectClient;
    private final List<InMemoryClient> clients = new CopyOnWriteArrayList<>();
    private volatile boolean accepting;

    InMemoryListener(ServerSettings settings, LongSupplier maxPending, ConnectClientUseCase connectClient) {
        this.settings = settings;
        this.maxPending = maxPending;
        this.connectClient = connectClient;
    }

    /** Nothing is bound: the address is the configured one, its port 0 when the system was to choose it. */
    @Override
    public InetSocketAddress start(IntConsumer portBound) {
        portBound.accept(settings.bindPort());
        accepting = true;
        return InetSocketAddress.createUnresolved(settings.host(), settings.bindPort());
    }

    @Override
    public void stopAccepting() {
        accepting = false;
    }

    @Override
    public void shutdown(long timeoutMillis) {
        stopAccepting();
        clients.forEach(InMemoryClient::runUntilIdle);
    }

    /** In-memory clients have no TLS: a TLS block concerns only a socket transport. */
    @Override
    public void tlsReloaded(TlsSettings tls, OcspSettings ocsp) {
        // Nothing to rebuild.
    }

    /** A new client from 127.0.0.1, greeted with INFO; refused as a closed port would refuse it when not accepting. */
    public InMemoryClient connect() {
        if (!accepting) {
            throw new IllegalStateException("the in-memory listener is not accepting clients");
        }
        InMemoryClient client = InMemoryClient.connect(connectClient, "127.0.0.1", maxPending.getAsLong());
        clients.add(client);
        return client;
    }

    /** One turn of every client's loop. */
    public void runPending() {
        clients.forEach(InMemoryClient::runPending);
    }
}
