package io.natrium.application.session;

import io.natrium.application.port.TlsState;
import io.natrium.domain.auth.CertificateIdentity;
import io.natrium.domain.auth.ClientCredentials;

/**
 * Everything a client presents to prove who it is, gathered from where each arrives: the CONNECT options, the
 * credentials its transport found outside CONNECT (WebSocket cookies), and the certificate of its TLS handshake.
 * {@link ClientAuthentication} consumes the result; monitoring reads the user and the TLS state from other threads.
 */
final class PresentedCredentials {

    private final ClientOptions options;
    /** Credentials the transport found outside CONNECT (WebSocket cookies), used where CONNECT has none. */
    private final ClientCredentials cookies;
    /** The client's address, which a user JWT's {@code src} networks may restrict. */
    private String clientIp;
    private volatile TlsState tlsState;

    PresentedCredentials(ClientOptions options, ClientCredentials cookies, String clientIp) {
        this.options = options;
        this.cookies = cookies;
        this.clientIp = clientIp;
    }

    /** What CONNECT gave, each missing user, password, token or JWT taken from the cookies (nats-server's order). */
    ClientCredentials credentials() {
        return new ClientCredentials(orCookie(options.user, cookies.user()),
                orCookie(options.pass, cookies.password()), orCookie(options.authToken, cookies.authToken()),
                options.nkey, options.sig, orCookie(options.jwt, cookies.jwt()), certificate())
                .withClientIp(clientIp);
    }

    /** The client's address as a PROXY protocol header gave it, which replaces the socket's. */
    void clientIp(String address) {
        this.clientIp = address;
    }

    /** Who the client authenticated as (nkey, else user name, from CONNECT or a cookie); empty without one. */
    String authenticatedUser() {
        return options.nkey.isEmpty() ? orCookie(options.user, cookies.user()) : options.nkey;
    }

    /** What the TLS handshake agreed; null without TLS or before the handshake finished. */
    TlsState tlsState() {
        return tlsState;
    }

    void tlsState(TlsState state) {
        this.tlsState = state;
    }

    private static String orCookie(String given, String cookie) {
        return given == null || given.isEmpty() ? cookie : given;
    }

    /** What the client's own certificate says of it, for {@code verify_and_map}; null without one. */
    private CertificateIdentity certificate() {
        TlsState state = tlsState;
        if (state == null || state.peerCertificates().isEmpty()) {
            return null;
        }
        return state.peerCertificates().get(0).identity();
    }
}
