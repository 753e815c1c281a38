package io.natrium.adapter.tls;

import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The chain a verified client certificate was trusted through, as nats-server hands it to an auth callout
 * ({@code client_tls.verified_chains}): the certificates the client sent, leaf first, then the {@code ca_file}
 * authority that issued the last of them unless the client sent it too; each as Go's {@code pem.EncodeToMemory}
 * writes it.
 */
final class VerifiedChains {

    private static final Base64.Encoder LINES = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private VerifiedChains() {
    }

    /** The chain of {@code presented}; empty when nothing was presented. */
    static List<List<String>> of(Certificate[] presented, List<X509Certificate> authorities) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : presented) {
            if (certificate instanceof X509Certificate x509) {
                chain.add(x509);
            }
        }
        if (chain.isEmpty()) {
            return List.of();
        }
        X509Certificate last = chain.get(chain.size() - 1);
        if (!selfSigned(last)) {
            for (X509Certificate authority : authorities) {
                if (issued(authority, last)) {
                    chain.add(authority);
                    break;
                }
            }
        }
        List<String> pems = new ArrayList<>(chain.size());
        for (X509Certificate certificate : chain) {
            pems.add(pem(certificate));
        }
        return List.of(pems);
    }

    /** Go's {@code pem.EncodeToMemory} of a {@code CERTIFICATE} block: 64-character lines, each ending in LF. */
    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + LINES.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a certificate the handshake accepted cannot be encoded", e);
        }
    }

    private static boolean selfSigned(X509Certificate certificate) {
        return issued(certificate, certificate);
    }

    private static boolean issued(X509Certificate authority, X509Certificate certificate) {
        if (!authority.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(authority.getPublicKey());
            return true;
        } catch (GeneralSecurityException notThisOne) {
            return false;
        }
    }
}
