package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

/** Failed handshakes in the words nats-server 2.9.10 logs (captured from it for the same inputs). */
class GoTlsErrorsTest {

    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 4222);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 38342);

    @Test
    void plaintextIsNoTlsHandshake() {
        assertThat(describe(new DecoderException(new NotSslRecordException("not an SSL/TLS record: "
                + "434f4e4e454354207b7d0d0a"))))
                .isEqualTo("tls: first record does not look like a TLS handshake");
    }

    @Test
    void aHandshakeRecordTooLongIsOversized() {
        // "\x16\x03\x01ga..." as the reference was sent it.
        assertThat(describe(new NotSslRecordException("not an SSL/TLS record: 160301676172626167652d")))
                .isEqualTo("tls: oversized record received with length 26465");
    }

    @Test
    void theTimeoutIsGosReadDeadline() {
        assertThat(describe(new SslHandshakeTimeoutException("handshake timed out after 1000ms")))
                .isEqualTo("read tcp 127.0.0.1:4222->127.0.0.1:38342: i/o timeout");
    }

    @Test
    void clientsAlertsAndHangUpsAreGos() {
        assertThat(describe(new SSLHandshakeException("Received fatal alert: certificate_unknown")))
                .isEqualTo("remote error: tls: unknown certificate");
        assertThat(describe(new SSLHandshakeException("Received fatal alert: bad_certificate")))
                .isEqualTo("remote error: tls: bad certificate");
        assertThat(describe(new ClosedChannelException())).isEqualTo("EOF");
        assertThat(describe(new SSLHandshakeException("Empty client certificate chain")))
                .isEqualTo("tls: client didn't provide a certificate");
    }

    @Test
    void boringSslReasonsReadAsGos() {
        assertThat(describe(new SSLHandshakeException("error:100000c0:SSL routines:OPENSSL_internal:"
                + "PEER_DID_NOT_RETURN_A_CERTIFICATE"))).isEqualTo("tls: client didn't provide a certificate");
        assertThat(describe(new SSLHandshakeException("error:10000412:SSL routines:OPENSSL_internal:"
                + "SSLV3_ALERT_BAD_CERTIFICATE"))).isEqualTo("remote error: tls: bad certificate");
        assertThat(describe(new SSLHandshakeException("error:10000418:SSL routines:OPENSSL_internal:"
                + "TLSV1_ALERT_UNKNOWN_CA"))).isEqualTo("remote error: tls: unknown certificate authority");
        assertThat(describe(new SSLHandshakeException("error:1000045a:SSL routines:OPENSSL_internal:"
                + "TLSV1_ALERT_USER_CANCELLED"))).isEqualTo("remote error: tls: user canceled");
        assertThat(describe(new SSLHandshakeException("error:100000f0:SSL routines:OPENSSL_internal:"
                + "UNSUPPORTED_PROTOCOL"))).isEqualTo("tls: client offered only unsupported versions");
        assertThat(describe(new SSLHandshakeException("error:100000b8:SSL routines:OPENSSL_internal:"
                + "NO_SHARED_CIPHER"))).isEqualTo("tls: no cipher suite supported by both client and server");
        assertThat(describe(new SSLHandshakeException("error:10000097:SSL routines:OPENSSL_internal:"
                + "SOMETHING_RARE"))).isEqualTo("tls: something rare");
    }

    private static String describe(Throwable failure) {
        return GoTlsErrors.describe(failure, SERVER, CLIENT);
    }
}
