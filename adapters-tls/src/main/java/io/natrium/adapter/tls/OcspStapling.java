package io.natrium.adapter.tls;

import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.TlsCertificatePair;
import io.natrium.application.settings.TlsSettings;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the client port's certificate must be stapled, decided as nats-server 2.9.10's {@code NewOCSPMonitor}
 * decides it: without an {@code ocsp} block, or in mode {@code auto}, when the certificate asks for it (the
 * must-staple TLS feature, RFC 7633); in mode {@code must} likewise, and the server stops when it is revoked; in
 * mode {@code always} whatever the certificate says, and the server stops when it is revoked; never in mode
 * {@code never} (with nats-server's warning when the certificate asks for it). As nats-server, only the first
 * certificate counts. Before fetching anything nats-server looks for the issuer the responder signs for, and fails
 * the start with its words when there is none; then it asks the responder, and fails the start when no usable
 * answer comes, or when the answer is not good where a revocation stops the server.
 */
public final class OcspStapling {

    /** id-pe-tlsfeature. */
    private static final String TLS_FEATURE_OID = "1.3.6.1.5.5.7.1.24";
    /** status_request, the TLS extension a must-staple certificate names. */
    private static final int STATUS_REQUEST = 5;

    /**
     * @param staple           the certificate is to be stapled
     * @param shutdownOnRevoke a revoked (or unknown) status stops the server
     * @param warning          nats-server's warning for a must-staple certificate with OCSP off; null for none
     */
    public record Decision(boolean staple, boolean shutdownOnRevoke, String warning) {

        static final Decision NONE = new Decision(false, false, null);
    }

    private OcspStapling() {
    }

    /** The decision for the first certificate of the client port's TLS. */
    public static Decision decide(OcspSettings ocsp, X509Certificate leaf, String certFile) {
        boolean mustStaple = mustStaple(leaf);
        if (ocsp == null) {
            return mustStaple ? new Decision(true, false, null) : Decision.NONE;
        }
        return switch (ocsp.mode()) {
            case NEVER -> new Decision(false, false, mustStaple
                    ? "Certificate at '" + certFile + "' has MustStaple but OCSP is disabled" : null);
            case ALWAYS -> new Decision(true, true, null);
            case MUST -> mustStaple ? new Decision(true, true, null) : Decision.NONE;
            case AUTO -> mustStaple ? new Decision(true, false, null) : Decision.NONE;
        };
    }

    /**
     * What stops the start for the client port's TLS and {@code ocsp} block: null when nats-server would not staple
     * (Natrium then runs as it would); nats-server's error when it could not find the issuer, could not get a usable
     * status, or got one other than good where that stops the server; otherwise Natrium's refusal, since it cannot
     * staple yet and a client relying on the staple would be served without it.
     *
     * @throws TlsSetupException when the certificate files cannot be loaded (reported at the {@code tls} key)
     */
    public static Problem problem(TlsSettings tls, OcspSettings ocsp) throws TlsSetupException {
        return problem(tls, ocsp, OcspFetcher.create());
    }

    static Problem problem(TlsSettings tls, OcspSettings ocsp, OcspFetcher fetcher) throws TlsSetupException {
        if (tls == null || ocsp != null && ocsp.mode() == OcspMode.NEVER) {
            return null;
        }
        String certFile = certFile(tls);
        CertifiedKey first = first(tls);
        X509Certificate leaf = first.chain().get(0);
        Decision decision = decide(ocsp, leaf, certFile);
        if (!decision.staple()) {
            return null;
        }
        List<X509Certificate> issuers = new ArrayList<>();
        String issuerProblem = issuers(tls.certificates().caFile(), first.chain(), issuers);
        if (issuerProblem != null) {
            return new Problem(issuerProblem, false);
        }
        String statusProblem = statusProblem(fetcher, leaf, issuers.get(issuers.size() - 1), ocsp, decision,
                certFile);
        if (statusProblem != null) {
            return new Problem(statusProblem, false);
        }
        return new Problem("OCSP stapling of the certificate at '" + certFile + "' is not supported by Natrium yet; "
                + "running without it would weaken security", true);
    }

    /** nats-server asks for the status before it serves: no usable answer, or a bad one where that stops it. */
    private static String statusProblem(OcspFetcher fetcher, X509Certificate leaf, X509Certificate issuer,
            OcspSettings ocsp, Decision decision, String certFile) {
        try {
            OcspResponse response = fetcher.fetch(leaf, issuer, ocsp == null ? List.of() : ocsp.overrideUrls());
            if (response.status() != OcspResponse.Status.GOOD && decision.shutdownOnRevoke()) {
                return "found existing OCSP status for certificate at '" + certFile + "': " + response.status();
            }
            return null;
        } catch (OcspException e) {
            return "bad OCSP status update for certificate at '" + certFile + "': " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "bad OCSP status update for certificate at '" + certFile + "': interrupted";
        }
    }

    /**
     * nats-server's warning for a must-staple certificate in mode {@code never}; null when there is none or the files
     * cannot be loaded (reported elsewhere).
     */
    public static String warning(TlsSettings tls, OcspSettings ocsp) {
        if (tls == null || ocsp == null || ocsp.mode() != OcspMode.NEVER) {
            return null;
        }
        try {
            return decide(ocsp, first(tls).chain().get(0), certFile(tls)).warning();
        } catch (TlsSetupException e) {
            return null;
        }
    }

    /**
     * @param text    the error line
     * @param refusal Natrium lacks the feature (rather than the configuration being wrong for nats-server too)
     */
    public record Problem(String text, boolean refusal) {
    }

    /** The must-staple TLS feature: a SEQUENCE OF INTEGER naming status_request. */
    static boolean mustStaple(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(TLS_FEATURE_OID);
        if (extension == null) {
            return false;
        }
        try {
            Der.Element features = Der.read(Der.read(extension).content());
            if (features.tag() != Der.SEQUENCE) {
                return false;
            }
            for (Der.Element feature : features.children()) {
                if (feature.tag() == Der.INTEGER && feature.content().length == 1
                        && feature.content()[0] == STATUS_REQUEST) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            // Go's asn1.Unmarshal fails and nats-server reads it as no must-staple.
            return false;
        }
    }

    /**
     * nats-server's {@code getOCSPIssuer}: {@code ca_file}, else the chain's second certificate; CAs all. Fills
     * {@code issuers}; returns nats-server's error, or null.
     */
    private static String issuers(String caFile, List<X509Certificate> chain, List<X509Certificate> issuers)
            throws TlsSetupException {
        if (caFile != null && !caFile.isEmpty()) {
            issuers.addAll(CertifiedKey.parseAll(GoFiles.read(caFile)));
        } else if (chain.size() > 1) {
            issuers.add(chain.get(1));
        } else {
            return "ocsp ca required in chain or configuration";
        }
        if (issuers.isEmpty()) {
            return "no issuers found";
        }
        for (X509Certificate issuer : issuers) {
            if (issuer.getBasicConstraints() < 0) {
                return GoDistinguishedName.of(issuer.getSubjectX500Principal())
                        + " invalid ca basic constraints: is not ca";
            }
        }
        return null;
    }

    private static CertifiedKey first(TlsSettings tls) throws TlsSetupException {
        String certFile = tls.certificates().certFile();
        if (certFile != null && !certFile.isEmpty()) {
            return CertifiedKey.load(certFile, tls.certificates().keyFile());
        }
        List<TlsCertificatePair> pairs = tls.certificates().pairs();
        if (pairs.isEmpty()) {
            throw new TlsSetupException("missing 'cert_file' in TLS configuration");
        }
        return CertifiedKey.load(pairs.get(0).certFile(), pairs.get(0).keyFile());
    }

    /** nats-server names {@code cert_file} in its messages; empty with a {@code certs} list. */
    private static String certFile(TlsSettings tls) {
        String certFile = tls.certificates().certFile();
        return certFile == null ? "" : certFile;
    }
}
