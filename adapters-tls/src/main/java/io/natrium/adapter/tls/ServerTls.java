package io.natrium.adapter.tls;

import io.natrium.application.settings.TlsSettings;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

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
    /** Null unless the certificate is stapled (then the engines are BoringSSL's). */
    private final OcspMonitor stapling;

    ServerTls(TlsSettings settings, SslContext context, List<String> namedGroups, List<X509Certificate> authorities,
            OcspMonitor stapling) {
        this.settings = settings;
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
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setUseCipherSuitesOrder(true);
        if (!clientCertificates) {
            parameters.setNeedClientAuth(false);
        }
        if (stapling == null) {
            // BoringSSL takes the groups from its context.
            NamedGroups.apply(parameters, namedGroups);
        }
        engine.setSSLParameters(parameters);
        if (stapling != null) {
            byte[] staple = stapling.staple();
            if (staple != null) {
                // nats-server's GetCertificate: the response in hand, for this handshake.
                ((ReferenceCountedOpenSslEngine) engine).setOcspResponse(staple);
            }
        }
        SslHandler handler = clientCertificates && settings.verify().verify()
                ? new AnchoredSslHandler(engine, authorities) : new SslHandler(engine);
        handler.setHandshakeTimeoutMillis(Math.max(1, handshakeTimeout().toMillis()));
        return handler;
    }
}
