package io.natrium.adapter.tls;

import io.netty.handler.ssl.SslHandler;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLEngine;

/**
 * The TLS handler of a listener that verifies client certificates against {@code ca_file}: it keeps those
 * authorities, so that the chain a client was verified through can be told whole, as Go's {@code VerifiedChains}
 * ends in the trusted root, which the client need not send.
 */
final class AnchoredSslHandler extends SslHandler {

    private final List<X509Certificate> authorities;

    AnchoredSslHandler(SSLEngine engine, List<X509Certificate> authorities) {
        super(engine);
        this.authorities = List.copyOf(authorities);
    }

    /** With the handshake's blocking tasks (OCSP peer checks) run by {@code handshakeTasks}. */
    AnchoredSslHandler(SSLEngine engine, List<X509Certificate> authorities, Executor handshakeTasks) {
        super(engine, handshakeTasks);
        this.authorities = List.copyOf(authorities);
    }

    List<X509Certificate> authorities() {
        return authorities;
    }
}
