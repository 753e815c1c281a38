package io.natrium.adapter.tls;

import io.natrium.application.settings.TlsSettings;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * One listener's TLS, built from its {@code tls} block by {@link ServerTlsFactory}: hands each new connection its
 * {@link SslHandler}. Immutable; a reload builds a new one, which only connections accepted after it use.
 */
public final class ServerTls {

    private final TlsSettings settings;
    private final SslContext context;
    private final List<String> namedGroups;
    /** The {@code ca_file} authorities client certificates are verified against; empty without {@code verify}. */
    private final List<X509Certificate> authorities;
    /** Null unless the certificate is stapled (BoringSSL's engines). */
    private final OcspMonitor stapling;

    /** Null unless client certificates get OCSP peer checks, which block: the handshake's tasks run there. */
    private final Executor handshakeTasks;
    /** {@code connection_rate_limit}; null without one. */
    private final HandshakeRateLimit rateLimit;

    ServerTls(TlsSettings settings, SslContext context, List<String> namedGroups, List<X509Certificate> authorities,
            OcspMonitor stapling, Executor handshakeTasks) {
        this.settings = settings;
        this.handshakeTasks = handshakeTasks;
        long limit = settings.handshake().rateLimit();
        this.rateLimit = limit > 0 ? HandshakeRateLimit.perSecond(limit) : null;
        this.context = context;
        this.namedGroups = List.copyOf(namedGroups);
        this.authorities = List.copyOf(authorities);
        this.stapling = stapling;
    }

    /** The staple's monitor, or null when the certificate is not stapled. */
    public OcspMonitor stapling() {
        return stapling;
    }

    /** The settings this was built from. */
    public TlsSettings settings() {
        return settings;
    }

    /**
     * Whether {@code connection_rate_limit} lets one more client port handshake begin now (always without one). A
     * reload builds a new TLS and so starts a new window.
     */
    public boolean allowHandshake() {
        return rateLimit == null || rateLimit.allow();
    }

    /** How long a handshake may take ({@code timeout}). */
    public Duration handshakeTimeout() {
        return settings.handshake().timeout();
    }

    /**
     * A server-side handler for one connection, its handshake bounded by {@code timeout}. The server's suite order
     * wins, as with Go's {@code PreferServerCipherSuites}.
     */
    public SslHandler newHandler(ByteBufAllocator allocator) {
        return handler(allocator, true);
    }

    /**
     * A handler that asks no client certificate whatever {@code verify} says: nats-server's HTTPS monitoring port
     * serves the client port's TLS with {@code ClientAuth = NoClientCert}.
     */
    public SslHandler newHandlerWithoutClientCertificate(ByteBufAllocator allocator) {
        return handler(allocator, false);
    }

    private SslHandler handler(ByteBufAllocator allocator, boolean clientCertificates) {
        SSLEngine engine = context.newEngine(allocator);
        if (engine instanceof ReferenceCountedOpenSslEngine) {
            // BoringSSL's context already prefers the server's suites and holds the groups; setting parameters
            // would only parse the suites and protocols again for every connection.
            if (!clientCertificates) {
                engine.setNeedClientAuth(false);
            }
        } else {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setUseCipherSuitesOrder(true);
            if (!clientCertificates) {
                parameters.setNeedClientAuth(false);
            }
            NamedGroups.apply(parameters, namedGroups);
            engine.setSSLParameters(parameters);
        }
        if (stapling != null) {
            byte[] staple = stapling.staple();
            if (staple != null) {
                // nats-server's GetCertificate: the response in hand, for this handshake.
                ((ReferenceCountedOpenSslEngine) engine).setOcspResponse(staple);
            }
        }
        SslHandler handler = sslHandler(engine, clientCertificates);
        handler.setHandshakeTimeoutMillis(Math.max(1, handshakeTimeout().toMillis()));
        return handler;
    }

    /**
     * A handler that keeps the {@code ca_file} authorities when client certificates are verified (the callout's
     * verified chains end in them), running the handshake's blocking tasks (OCSP peer checks) off the event loop.
     */
    private SslHandler sslHandler(SSLEngine engine, boolean clientCertificates) {
        boolean blockingTasks = handshakeTasks != null && clientCertificates;
        if (clientCertificates && settings.verify().verify()) {
            return blockingTasks ? new AnchoredSslHandler(engine, authorities, handshakeTasks)
                    : new AnchoredSslHandler(engine, authorities);
        }
        return blockingTasks ? new SslHandler(engine, handshakeTasks) : new SslHandler(engine);
    }
}
