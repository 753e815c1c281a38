package io.natrium.adapter.tls;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A failed server handshake worded as Go's {@code crypto/tls} words it, which nats-server logs after
 * {@code TLS handshake error: }. The common failures (not TLS at all, a client without a certificate or with one of
 * another CA, an alert from the client, the timeout, a client that hung up) read exactly as nats-server's; the rest
 * keep JSSE's (or BoringSSL's reason, in lower case) text behind Go's {@code tls: } prefix. The words of both
 * providers are read, as either may serve ({@link BoringSsl}).
 */
public final class GoTlsErrors {

    /** Go's {@code maxCiphertext}: a record longer than this is refused at its header. */
    private static final int MAX_CIPHERTEXT = 16384 + 2048;
    private static final int HANDSHAKE = 0x16;
    private static final int ALERT = 0x15;
    private static final String NOT_A_RECORD = "not an SSL/TLS record: ";
    private static final String ALERT_PREFIX = "Received fatal alert: ";
    private static final String UNVERIFIED = "tls: failed to verify client certificate: ";
    private static final Map<String, String> ALERTS = Map.ofEntries(
            Map.entry("close_notify", "close notify"), Map.entry("unexpected_message", "unexpected message"),
            Map.entry("bad_record_mac", "bad record MAC"), Map.entry("record_overflow", "record overflow"),
            Map.entry("handshake_failure", "handshake failure"), Map.entry("bad_certificate", "bad certificate"),
            Map.entry("unsupported_certificate", "unsupported certificate"),
            Map.entry("certificate_revoked", "revoked certificate"),
            Map.entry("certificate_expired", "expired certificate"),
            Map.entry("certificate_unknown", "unknown certificate"),
            Map.entry("illegal_parameter", "illegal parameter"), Map.entry("unknown_ca", "unknown certificate authority"),
            Map.entry("access_denied", "access denied"), Map.entry("decode_error", "error decoding message"),
            Map.entry("decrypt_error", "error decrypting message"),
            Map.entry("protocol_version", "protocol version not supported"),
            Map.entry("insufficient_security", "insufficient security level"),
            Map.entry("internal_error", "internal error"), Map.entry("user_canceled", "user canceled"),
            Map.entry("no_renegotiation", "no renegotiation"),
            Map.entry("missing_extension", "missing extension"),
            Map.entry("unsupported_extension", "unsupported extension"),
            Map.entry("unrecognized_name", "unrecognized name"),
            Map.entry("certificate_required", "certificate required"),
            Map.entry("no_application_protocol", "no application protocol"));

    private static final String BORING_PREFIX = "OPENSSL_internal:";
    private static final List<String> BORING_ALERTS = List.of("SSLV3_ALERT_", "TLSV1_ALERT_", "TLSV1_");
    /** BoringSSL's reasons for what JSSE's words (matched below) already say. */
    private static final Map<String, String> BORING_REASONS = Map.of(
            "PEER_DID_NOT_RETURN_A_CERTIFICATE", "Empty client certificate chain",
            "UNSUPPORTED_PROTOCOL", "The client supported protocol versions are not enabled or supported",
            "NO_SHARED_CIPHER", "no cipher suites in common",
            "NO_SHARED_GROUP", "no ECDHE curve supported by both client and server",
            "WRONG_VERSION_NUMBER", "wrong version number",
            "NO_RENEGOTIATION", "no renegotiation");

    private GoTlsErrors() {
    }

    /**
     * @param local  the server's end of the connection, for the timeout's {@code read tcp a->b: i/o timeout}
     * @param remote the client's end
     */
    public static String describe(Throwable failure, SocketAddress local, SocketAddress remote) {
        Throwable cause = failure instanceof DecoderException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof SslHandshakeTimeoutException) {
            return "read tcp " + address(local) + "->" + address(remote) + ": i/o timeout";
        }
        if (cause instanceof NotSslRecordException) {
            return notARecord(String.valueOf(cause.getMessage()));
        }
        if (cause instanceof ClosedChannelException || closedByPeer(cause)) {
            return "EOF";
        }
        String message = String.valueOf(cause.getMessage());
        String boring = boringReason(message);
        if (boring != null) {
            message = boring;
        }
        if (message.startsWith(ALERT_PREFIX)) {
            String alert = message.substring(ALERT_PREFIX.length()).strip();
            return "remote error: tls: " + ALERTS.getOrDefault(alert, alert.replace('_', ' '));
        }
        if (caused(cause, OcspPeerRejection.class)) {
            // Go hands the VerifyConnection hook's error back as it is.
            return OcspPeerRejection.CLIENT;
        }
        if (message.contains("Empty client certificate chain")) {
            return "tls: client didn't provide a certificate";
        }
        if (caused(cause, CertificateExpiredException.class) || caused(cause, CertificateNotYetValidException.class)
                || mentions(cause, "validity check failed")) {
            return UNVERIFIED + "x509: certificate has expired or is not yet valid";
        }
        if (mentions(cause, "PKIX path building failed") || mentions(cause, "unable to find valid certification")) {
            return UNVERIFIED + "x509: certificate signed by unknown authority";
        }
        if (mentions(cause, "Extended key usage does not permit")) {
            return UNVERIFIED + "x509: certificate specifies an incompatible key usage";
        }
        if (message.contains("no cipher suites in common")) {
            return "tls: no cipher suite supported by both client and server";
        }
        if (message.contains("protocol versions") || message.contains("protocol is disabled")
                || message.contains("not enabled or supported")) {
            return "tls: client offered only unsupported versions";
        }
        return "tls: " + (message.isEmpty() ? cause.getClass().getSimpleName() : lowerFirst(message));
    }

    /**
     * BoringSSL's reason ({@code error:100000c0:SSL routines:OPENSSL_internal:PEER_DID_NOT_RETURN_A_CERTIFICATE})
     * in JSSE's words, which the rest of {@link #describe} turns into Go's; null when the message is not BoringSSL's.
     * An alert from the client ({@code SSLV3_ALERT_BAD_CERTIFICATE}, {@code TLSV1_ALERT_UNKNOWN_CA}) reads as
     * JSSE's {@code Received fatal alert: bad_certificate}.
     */
    private static String boringReason(String message) {
        int at = message.indexOf(BORING_PREFIX);
        if (at < 0) {
            return null;
        }
        String reason = message.substring(at + BORING_PREFIX.length()).strip();
        int end = 0;
        while (end < reason.length() && (Character.isLetterOrDigit(reason.charAt(end)) || reason.charAt(end) == '_')) {
            end++;
        }
        reason = reason.substring(0, end);
        for (String alert : BORING_ALERTS) {
            if (reason.startsWith(alert)) {
                String name = reason.substring(alert.length()).toLowerCase(Locale.ROOT);
                return ALERT_PREFIX + ("user_cancelled".equals(name) ? "user_canceled" : name);
            }
        }
        return BORING_REASONS.getOrDefault(reason, reason.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** Go judges the first record's header: not a handshake (or an alert) at all, or too long to be one. */
    private static String notARecord(String message) {
        int at = message.indexOf(NOT_A_RECORD);
        byte[] header;
        try {
            header = at < 0 ? new byte[0] : HexFormat.of().parseHex(message.substring(at + NOT_A_RECORD.length())
                    .strip());
        } catch (IllegalArgumentException e) {
            header = new byte[0];
        }
        if (header.length >= 5) {
            int type = header[0] & 0xff;
            int version = (header[1] & 0xff) << 8 | header[2] & 0xff;
            int length = (header[3] & 0xff) << 8 | header[4] & 0xff;
            if ((type == HANDSHAKE || type == ALERT) && version < 0x1000 && length > MAX_CIPHERTEXT) {
                return "tls: oversized record received with length " + length;
            }
        }
        return "tls: first record does not look like a TLS handshake";
    }

    private static boolean closedByPeer(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("closed while ssl/tls handshake") || message.contains("connection reset")
                || message.contains("closed before");
    }

    /** Whether the failure or a cause says {@code text}: BoringSSL's engine wraps the trust manager's refusal. */
    private static boolean mentions(Throwable failure, String text) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean caused(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
