package io.natrium.adapter.tls;

import io.natrium.application.port.TlsPeerCertificate;
import io.natrium.application.port.TlsState;
import io.natrium.domain.auth.CertificateIdentity;
import io.netty.handler.ssl.SslHandler;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;

/** A finished handshake as the application sees it, in nats-server's words. */
public final class TlsStates {

    private TlsStates() {
    }

    /**
     * The handshake {@code tls} finished; the chain the client's certificate was verified through when its listener
     * verifies them.
     *
     * @param first the handshake came before INFO ({@code handshake_first})
     */
    public static TlsState of(SslHandler tls, boolean first) {
        SSLEngine engine = tls.engine();
        SSLSession session = engine.getSession();
        // Asking a session for certificates it was never sent throws (a stack trace per connection): skip it.
        Certificate[] presented = engine.getNeedClientAuth() || engine.getWantClientAuth() ? presented(session)
                : new Certificate[0];
        List<List<String>> chains = tls instanceof AnchoredSslHandler anchored
                ? VerifiedChains.of(presented, anchored.authorities()) : List.of();
        return new TlsState(version(session.getProtocol()), GoCipherSuites.goName(session.getCipherSuite()),
                peers(presented), first, chains);
    }

    /** nats-server's {@code tlsVersion}: {@code 1.2} for {@code TLSv1.2}. */
    private static final int RFC822_NAME = 1;
    private static final int DNS_NAME = 2;
    private static final int URI = 6;

    static String version(String protocol) {
        return switch (protocol) {
            case "TLSv1" -> "1.0";
            case "TLSv1.1" -> "1.1";
            case "TLSv1.2" -> "1.2";
            case "TLSv1.3" -> "1.3";
            default -> "Unknown [" + protocol + "]";
        };
    }

    private static Certificate[] presented(SSLSession session) {
        try {
            return session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException none) {
            return new Certificate[0];
        }
    }

    private static List<TlsPeerCertificate> peers(Certificate[] presented) {
        List<TlsPeerCertificate> peers = new ArrayList<>(presented.length);
        for (Certificate certificate : presented) {
            if (certificate instanceof X509Certificate x509) {
                peers.add(peer(x509));
            }
        }
        return peers;
    }

    static TlsPeerCertificate peer(X509Certificate certificate) {
        try {
            return new TlsPeerCertificate(GoDistinguishedName.of(certificate.getSubjectX500Principal()),
                    sha256(certificate.getPublicKey().getEncoded()), sha256(certificate.getEncoded()),
                    identity(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a certificate the handshake accepted cannot be encoded", e);
        }
    }

    /** The names {@code verify_and_map} looks users up by: email, DNS and URI SANs, and the subject. */
    static CertificateIdentity identity(X509Certificate certificate) throws CertificateParsingException {
        List<String> emails = new ArrayList<>();
        List<String> dnsNames = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names != null) {
            for (List<?> name : names) {
                if (name.size() < 2 || !(name.get(1) instanceof String value)) {
                    continue;
                }
                switch ((Integer) name.get(0)) {
                    case RFC822_NAME -> emails.add(value);
                    case DNS_NAME -> dnsNames.add(value);
                    case URI -> uris.add(value);
                    default -> {
                        // IP addresses and other names name no user
                    }
                }
            }
        }
        X500Principal subject = certificate.getSubjectX500Principal();
        return new CertificateIdentity(emails, dnsNames, uris, GoDistinguishedName.rdnSequence(subject),
                GoDistinguishedName.attributes(subject));
    }

    private static String sha256(byte[] bytes) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
