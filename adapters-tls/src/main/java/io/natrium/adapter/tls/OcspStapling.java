package io.natrium.adapter.tls;

import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.TlsCertificatePair;
import io.natrium.application.settings.TlsSettings;

import java.security.cert.X509Certificate;
import java.time.Clock;
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
 * answer comes, or when the answer is not good where a revocation stops the server. What it got is handed to the
 * {@link OcspMonitor}, which keeps it stapled and fresh.
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
     * What nats-server's {@code NewOCSPMonitor} checks before it serves, for one certificate.
     *
     * @param leaf             the certificate to staple
     * @param issuer           the CA that signs (or delegates the signing of) its responses
     * @param responders       the configured responders; empty for the certificate's own
     * @param certFile         the file nats-server names in its lines
     * @param shutdownOnRevoke a revoked (or unknown) status stops the server
     */
    record Target(X509Certificate leaf, X509Certificate issuer, List<String> responders, String certFile,
            boolean shutdownOnRevoke) {
    }

    /**
     * What stops the start for the client port's TLS and {@code ocsp} block: null when nothing does (nothing to
     * staple, or a good status and BoringSSL to staple it with); nats-server's error when it could not find the
     * issuer, could not get a usable status, or got one other than good where that stops the server; Natrium's
     * refusal when a staple is needed and BoringSSL, the one provider here that staples, cannot load.
     *
     * @throws TlsSetupException when the certificate files cannot be loaded (reported at the {@code tls} key)
     */
    public static Problem problem(TlsSettings tls, OcspSettings ocsp) throws TlsSetupException {
        return problem(tls, ocsp, OcspFetcher.create());
    }

    static Problem problem(TlsSettings tls, OcspSettings ocsp, OcspFetcher fetcher) throws TlsSetupException {
        try {
            OcspMonitor monitor = monitor(tls, ocsp, fetcher, Clock.systemUTC());
            if (monitor == null) {
                return null;
            }
            String unavailable = BoringSsl.unavailability();
            return unavailable == null ? null : new Problem(refusal(monitor.certFile(), unavailable), true);
        } catch (OcspException e) {
            return new Problem(e.getMessage(), false);
        }
    }

    /** Natrium's refusal of a staple it cannot put in the handshake. */
    static String refusal(String certFile, String unavailable) {
        return "OCSP stapling of the certificate at '" + certFile + "' needs BoringSSL (netty-tcnative), which "
                + "cannot load here (" + unavailable + "); running without it would weaken security";
    }

    /**
     * nats-server's {@code NewOCSPMonitor} for the client port: null when nothing is to be stapled; otherwise the
     * monitor holding the first status, asked for now (not started).
     *
     * @throws OcspException     with nats-server's error when the start stops: no issuer, no usable status, or one
     *                           other than good where a revocation stops the server
     * @throws TlsSetupException when the certificate files cannot be loaded
     */
    public static OcspMonitor monitor(TlsSettings tls, OcspSettings ocsp) throws OcspException, TlsSetupException {
        return monitor(tls, ocsp, OcspFetcher.create(), Clock.systemUTC());
    }

    static OcspMonitor monitor(TlsSettings tls, OcspSettings ocsp, OcspFetcher fetcher, Clock clock)
            throws OcspException, TlsSetupException {
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
            throw new OcspException(issuerProblem);
        }
        Target target = new Target(leaf, issuers.get(issuers.size() - 1),
                ocsp == null ? List.of() : ocsp.overrideUrls(), certFile, decision.shutdownOnRevoke());
        return new OcspMonitor(target, fetcher, clock, firstStatus(fetcher, target));
    }

    /** nats-server asks for the status before it serves: no usable answer, or a bad one where that stops it. */
    private static OcspResponse firstStatus(OcspFetcher fetcher, Target target) throws OcspException {
        OcspResponse response;
        try {
            response = fetcher.fetch(target.leaf(), target.issuer(), target.responders());
        } catch (OcspException e) {
            throw new OcspException("bad OCSP status update for certificate at '" + target.certFile() + "': "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcspException("bad OCSP status update for certificate at '" + target.certFile()
                    + "': interrupted", e);
        }
        if (response.status() != OcspResponse.Status.GOOD && target.shutdownOnRevoke()) {
            throw new OcspException("found existing OCSP status for certificate at '" + target.certFile() + "': "
                    + response.status());
        }
        return response;
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
