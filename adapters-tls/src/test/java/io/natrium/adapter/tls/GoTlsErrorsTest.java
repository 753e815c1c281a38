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

    private static String describe(Throwable failure) {
        return GoTlsErrors.describe(failure, SERVER, CLIENT);
    }
}
