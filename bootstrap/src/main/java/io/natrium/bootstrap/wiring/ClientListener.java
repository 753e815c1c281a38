package io.natrium.bootstrap.wiring;

import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.TlsSettings;

import java.net.InetSocketAddress;
import java.util.function.IntConsumer;

/**
 * Where clients connect, as the server's lifecycle drives it: one transport module binds it, {@link TcpModule} in
 * production; a test may wire the same server with another (an in-memory transport) in its place.
 */
public interface ClientListener {

    /**
     * Starts accepting clients; returns the address they reach (the port chosen when 0 or -1 was asked), which
     * {@code portBound} is told before any client is taken.
     */
    InetSocketAddress start(IntConsumer portBound) throws InterruptedException;

    /** Stops accepting; open connections stay. */
    void stopAccepting();

    /** Stops accepting and ends the connections' threads, waiting at most {@code timeoutMillis}. */
    void shutdown(long timeoutMillis);

    /**
     * A reload's {@code tls} block (null for none) and {@code ocsp} block (null for none), for the connections
     * accepted from now on.
     */
    void tlsReloaded(TlsSettings tls, OcspSettings ocsp);
}
