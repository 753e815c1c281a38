package io.natrium.testkit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

    private static final CertificateAuthority ROOT = CertificateAuthority.root("Test Root");

    @Test
    void serverCertificatesAreSignedByTheirAuthorityAndNameTheirHosts() throws Exception {
        IssuedCertificate server = ROOT.server("localhost", "localhost", "nats.example.com");

        server.certificate().verify(ROOT.certificate().getPublicKey());
        server.certificate().checkValidity();
        assertThat(server.certificate().getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactly((Object) "localhost", "nats.example.com", "127.0.0.1");
        assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void clientCertificatesCarryTheirDistinguishedNameAndEmail() throws Exception {
        IssuedCertificate client = ROOT.issueClient(CertificateSpec.subject("CN=alice,OU=dev,O=Acme")
                .withEmails("alice@example.com"));

        assertThat(client.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=alice,OU=dev,O=Acme");
        assertThat(client.certificate().getSubjectAlternativeNames()).containsExactly(List.of(1, "alice@example.com"));
        assertThat(client.sha256()).hasSize(64).isNotEqualTo(client.spkiSha256());
    }

    @Test
    void expiredAndNotYetValidCertificatesSayIt() {
        IssuedCertificate expired = ROOT.issueClient(CertificateSpec.subject("CN=old").expired());
        IssuedCertificate early = ROOT.issueClient(CertificateSpec.subject("CN=early").notYetValid());

        assertThatThrownBy(() -> expired.certificate().checkValidity()).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> early.certificate().checkValidity())
                .isInstanceOf(CertificateNotYetValidException.class);
    }

    @Test
    void anotherAuthoritysCertificatesDoNotVerifyAgainstThisOne() {
        IssuedCertificate stranger = CertificateAuthority.root("Other").client("CN=stranger");

        assertThatThrownBy(() -> stranger.certificate().verify(ROOT.certificate().getPublicKey()))
                .isInstanceOf(java.security.SignatureException.class);
    }

    @Test
    void intermediatesTravelWithTheCertificatesTheyIssue() throws Exception {
        CertificateAuthority intermediate = ROOT.intermediate("Intermediate");
        IssuedCertificate leaf = intermediate.server("leaf", "leaf");

        leaf.certificate().verify(intermediate.certificate().getPublicKey());
        assertThat(leaf.chain()).containsExactly(intermediate.certificate());
    }

    @Test
    void keysAreWrittenInTheFormatsNatsServerReads(@TempDir Path directory) throws Exception {
        IssuedCertificate rsa = ROOT.issueServer(CertificateSpec.subject("CN=rsa").withKey(KeyKind.RSA_2048));
        IssuedCertificate ec = ROOT.server("ec");

        assertThat(Files.readString(rsa.writeKey(directory.resolve("rsa.pem"), KeyFormat.TRADITIONAL)))
                .startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(ec.writeKey(directory.resolve("ec.pem"), KeyFormat.TRADITIONAL)))
                .startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(Files.readString(ec.writeKey(directory.resolve("pkcs8.pem")))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(ec.writeCertificate(directory.resolve("cert.pem"))))
                .startsWith("-----BEGIN CERTIFICATE-----");
    }
}
