package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.IssuedCertificate;
import io.natrium.testkit.tls.OcspResponder;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the client port's certificate is to be stapled, as nats-server 2.9.10's {@code NewOCSPMonitor} decides, and
 * what then stops the start: nats-server's issuer and status errors, or Natrium's refusal without BoringSSL.
 */
class OcspStaplingTest {

    @TempDir
    Path directory;
    private CertificateAuthority authority;
    private X509Certificate plain;
    private X509Certificate mustStaple;

    @BeforeEach
    void certificates() {
        authority = CertificateAuthority.root("OCSP Test CA");
        plain = authority.issueServer(CertificateSpec.subject("CN=plain").withDnsNames("localhost")).certificate();
        mustStaple = authority.issueServer(CertificateSpec.subject("CN=staple").withDnsNames("localhost")
                .withMustStaple()).certificate();
    }

    @Test
    void readsTheMustStapleFeature() {
        assertThat(OcspStapling.mustStaple(mustStaple)).isTrue();
        assertThat(OcspStapling.mustStaple(plain)).isFalse();
    }

    @Test
    void withoutAnOcspBlockOrInAutoModeStaplesOnlyMustStapleCertificates() {
        for (OcspSettings ocsp : new OcspSettings[] {null, mode(OcspMode.AUTO)}) {
            assertThat(OcspStapling.decide(ocsp, mustStaple, "c.pem"))
                    .isEqualTo(new OcspStapling.Decision(true, false, null));
            assertThat(OcspStapling.decide(ocsp, plain, "c.pem").staple()).isFalse();
        }
    }

    @Test
    void mustModeStaplesMustStapleCertificatesAndStopsOnRevocation() {
        assertThat(OcspStapling.decide(mode(OcspMode.MUST), mustStaple, "c.pem"))
                .isEqualTo(new OcspStapling.Decision(true, true, null));
        assertThat(OcspStapling.decide(mode(OcspMode.MUST), plain, "c.pem").staple()).isFalse();
    }

    @Test
    void alwaysModeStaplesAnyCertificateAndStopsOnRevocation() {
        assertThat(OcspStapling.decide(mode(OcspMode.ALWAYS), plain, "c.pem"))
                .isEqualTo(new OcspStapling.Decision(true, true, null));
    }

    @Test
    void neverModeStaplesNothingAndWarnsAboutAMustStapleCertificate() {
        assertThat(OcspStapling.decide(mode(OcspMode.NEVER), mustStaple, "c.pem")).isEqualTo(
                new OcspStapling.Decision(false, false, "Certificate at 'c.pem' has MustStaple but OCSP is disabled"));
        assertThat(OcspStapling.decide(mode(OcspMode.NEVER), plain, "c.pem").warning()).isNull();
    }

    @Test
    void warnsAsNatsServerAboutAMustStapleCertificateWithOcspOff() {
        TlsSettings mustStapleFiles = files(authority.issueServer(CertificateSpec.subject("CN=s").withMustStaple()),
                false);

        assertThat(OcspStapling.warning(mustStapleFiles, mode(OcspMode.NEVER))).isEqualTo("Certificate at '"
                + directory.resolve("cert.pem") + "' has MustStaple but OCSP is disabled");
        assertThat(OcspStapling.warning(mustStapleFiles, null)).isNull();
        assertThat(OcspStapling.warning(files(authority.issueServer(CertificateSpec.subject("CN=p")), false),
                mode(OcspMode.NEVER))).isNull();
    }

    @Test
    void nothingStopsAServerThatNeedNotStaple() throws Exception {
        TlsSettings tls = files(authority.issueServer(CertificateSpec.subject("CN=plain")), false);

        assertThat(OcspStapling.problem(tls, null)).isNull();
        assertThat(OcspStapling.problem(tls, mode(OcspMode.AUTO))).isNull();
        assertThat(OcspStapling.problem(tls, mode(OcspMode.MUST))).isNull();
        assertThat(OcspStapling.problem(tls, mode(OcspMode.NEVER))).isNull();
        assertThat(OcspStapling.problem(null, mode(OcspMode.ALWAYS))).as("no TLS, nothing to staple").isNull();
    }

    @Test
    void aNeededStapleWithAGoodStatusStartsWithThatStatusInHand() throws Exception {
        try (OcspResponder responder = OcspResponder.start(authority)) {
            TlsSettings tls = files(authority.issueServer(CertificateSpec.subject("CN=staple").withMustStaple()
                    .withOcspUrls(responder.url())), true);

            assertThat(OcspStapling.problem(tls, null)).as("BoringSSL loads here").isNull();
            assertThat(responder.requests()).as("the status was asked for first, as nats-server does").isOne();
            OcspMonitor monitor = OcspStapling.monitor(tls, null);
            assertThat(monitor.status()).isEqualTo(OcspResponse.Status.GOOD);
            assertThat(monitor.staple()).isNotEmpty();
            assertThat(monitor.certFile()).isEqualTo(directory.resolve("cert.pem").toString());
            assertThat(OcspStapling.monitor(files(authority.issueServer(CertificateSpec.subject("CN=p")), true),
                    new OcspSettings(OcspMode.ALWAYS, List.of(responder.url()))).status())
                    .as("always: a certificate without must-staple too").isEqualTo(OcspResponse.Status.GOOD);
        }
    }

    @Test
    void withoutBoringSslANeededStapleIsRefusedWithTheReason() {
        assertThat(OcspStapling.refusal("c.pem", "no native library")).isEqualTo("OCSP stapling of the certificate "
                + "at 'c.pem' needs BoringSSL (netty-tcnative), which cannot load here (no native library); running "
                + "without it would weaken security");
        assertThat(BoringSsl.unavailability()).as("linux-x86_64 ships it").isNull();
    }

    @Test
    void aRevokedCertificateStopsTheStartWhereRevocationStopsTheServer() throws Exception {
        try (OcspResponder responder = OcspResponder.start(authority)) {
            IssuedCertificate revoked = authority.issueServer(CertificateSpec.subject("CN=staple").withMustStaple()
                    .withOcspUrls(responder.url()));
            responder.revoke(revoked);
            TlsSettings tls = files(revoked, true);

            assertThat(OcspStapling.problem(tls, mode(OcspMode.MUST))).isEqualTo(new OcspStapling.Problem(
                    "found existing OCSP status for certificate at '" + directory.resolve("cert.pem")
                            + "': revoked", false));
            assertThat(OcspStapling.problem(tls, mode(OcspMode.AUTO))).as("auto mode staples the revoked status")
                    .isNull();
            assertThat(OcspStapling.monitor(tls, mode(OcspMode.AUTO)).status())
                    .isEqualTo(OcspResponse.Status.REVOKED);
        }
    }

    @Test
    void withoutAUsableStatusTheStartFailsWithNatsServersWords() throws Exception {
        TlsSettings tls = files(authority.issueServer(CertificateSpec.subject("CN=staple").withMustStaple()), true);

        assertThat(OcspStapling.problem(tls, null)).isEqualTo(new OcspStapling.Problem(
                "bad OCSP status update for certificate at '" + directory.resolve("cert.pem")
                        + "': no available ocsp servers", false));
    }

    @Test
    void withoutAnIssuerTheStartFailsWithNatsServersWords() throws Exception {
        TlsSettings noIssuer = files(authority.issueServer(CertificateSpec.subject("CN=p")), false);

        assertThat(OcspStapling.problem(noIssuer, mode(OcspMode.ALWAYS)))
                .isEqualTo(new OcspStapling.Problem("ocsp ca required in chain or configuration", false));
    }

    @Test
    void anIssuerThatIsNoCaFailsTheStartWithNatsServersWords() throws Exception {
        IssuedCertificate leaf = authority.issueServer(CertificateSpec.subject("CN=p"));
        IssuedCertificate notCa = authority.issueServer(CertificateSpec.subject("CN=not a ca,O=Acme"));
        leaf.writeCertificate(directory.resolve("cert.pem"));
        leaf.writeKey(directory.resolve("key.pem"));
        notCa.writeCertificate(directory.resolve("ca.pem"));
        TlsSettings tls = TlsSettings.ofFiles(directory.resolve("cert.pem").toString(),
                directory.resolve("key.pem").toString(), directory.resolve("ca.pem").toString(), false);

        assertThat(OcspStapling.problem(tls, mode(OcspMode.ALWAYS)))
                .isEqualTo(new OcspStapling.Problem("CN=not a ca,O=Acme invalid ca basic constraints: is not ca",
                        false));
    }

    private TlsSettings files(IssuedCertificate leaf, boolean withCa) {
        leaf.writeCertificate(directory.resolve("cert.pem"));
        leaf.writeKey(directory.resolve("key.pem"));
        authority.asIssued().writeCertificate(directory.resolve("ca.pem"));
        return TlsSettings.ofFiles(directory.resolve("cert.pem").toString(), directory.resolve("key.pem").toString(),
                withCa ? directory.resolve("ca.pem").toString() : null, false);
    }

    private static OcspSettings mode(OcspMode mode) {
        return new OcspSettings(mode, List.of());
    }
}
