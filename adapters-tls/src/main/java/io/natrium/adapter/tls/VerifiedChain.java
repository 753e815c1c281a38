package io.natrium.adapter.tls;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain a verified client certificate was accepted by, leaf first and ending at the trusted authority, as Go's
 * {@code VerifiedChains[0]}: JSSE hands the trust manager what the client sent, which may stop short of the
 * authority (or, when it holds extra certificates, go elsewhere).
 */
final class VerifiedChain {

    private VerifiedChain() {
    }

    static List<X509Certificate> of(X509Certificate[] presented, X509Certificate[] authorities) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate current = presented[0];
        chain.add(current);
        // A trusted certificate ends the chain, even one that is not self-issued (Go's roots pool contains it).
        while (!selfIssued(current) && !List.of(authorities).contains(current)
                && chain.size() <= presented.length + 1) {
            X509Certificate next = issuer(current, authorities);
            if (next == null) {
                next = issuer(current, presented);
            }
            if (next == null || chain.contains(next)) {
                break;
            }
            chain.add(next);
            current = next;
        }
        return chain;
    }

    /** Authorities first: the chain ends at the first trusted one, as Go's verification stops at a root. */
    private static X509Certificate issuer(X509Certificate certificate, X509Certificate[] candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && signed(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signed(X509Certificate certificate, X509Certificate by) {
        try {
            certificate.verify(by.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
