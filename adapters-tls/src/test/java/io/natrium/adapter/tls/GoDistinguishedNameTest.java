package io.natrium.adapter.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.auth.CertificateIdentity;
import io.natrium.domain.auth.CertificateIdentity.SubjectAttribute;
import io.natrium.testkit.tls.CertificateAuthority;
import io.natrium.testkit.tls.CertificateSpec;

import java.security.cert.X509Certificate;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;

/** Subjects as Go's pkix.Name.String() writes them (expected texts from Go 1.19's rules, checked by hand). */
class GoDistinguishedNameTest {

    @Test
    void writesTheWellKnownAttributesInGosOrderLastFirst() {
        // Written CN first; Go rebuilds the sequence C, ST, L, O, OU, CN and prints it backwards.
        assertThat(of("CN=client,OU=dev,O=Acme,L=Paris,ST=IDF,C=FR")).isEqualTo("CN=client,OU=dev,O=Acme,L=Paris,ST=IDF,C=FR");
        assertThat(of("C=FR,O=Acme,CN=client")).isEqualTo("CN=client,O=Acme,C=FR");
    }

    @Test
    void joinsSeveralValuesOfOneTypeAndEscapesAsRfc2253() {
        assertThat(of("CN=a\\, b,OU=one,OU=two")).isEqualTo("CN=a\\, b,OU=two+OU=one");
        assertThat(of("CN=\\#hash\\ ")).isEqualTo("CN=\\#hash\\ ");
    }

    @Test
    void writesOtherAttributesAsOidAndTheHexOfTheirGoEncoding() {
        // An email address is not printable (the @), so Go re-encodes it as a UTF8String (tag 0c).
        assertThat(of("EMAILADDRESS=a@b.c,CN=x")).isEqualTo("CN=x,1.2.840.113549.1.9.1=#0c05614062"
                + "2e63");
        assertThat(of("DC=example,CN=x")).isEqualTo("CN=x,0.9.2342.19200300.100.1.25=#13076578616d706c65");
    }

    @Test
    void theRdnSequenceLeavesOutOtherAttributesAsGosToRdnSequenceDoes() {
        X500Principal subject = new X500Principal("EMAILADDRESS=a@b.c,CN=x,OU=dev,O=Acme,DC=example,DC=com");
        assertThat(GoDistinguishedName.rdnSequence(subject)).isEqualTo("CN=x,OU=dev,O=Acme");
    }

    @Test
    void theSubjectsAttributesComeInTheirEncodedOrderWithStringValues() {
        X500Principal subject = new X500Principal("CN=x,O=Acme,DC=com");
        assertThat(GoDistinguishedName.attributes(subject)).containsExactly(
                List.of(new SubjectAttribute("0.9.2342.19200300.100.1.25", "com")),
                List.of(new SubjectAttribute("2.5.4.10", "Acme")),
                List.of(new SubjectAttribute("2.5.4.3", "x")));
    }

    @Test
    void aCertificatesIdentityHasItsSansAndSubject() throws Exception {
        CertificateAuthority authority = CertificateAuthority.root("Test CA");
        X509Certificate certificate = authority.issueClient(CertificateSpec.subject("CN=alice,O=Acme")
                .withEmails("alice@acme.test").withDnsNames("alice.acme.test").withIpAddresses("127.0.0.1"))
                .certificate();

        CertificateIdentity identity = TlsStates.identity(certificate);

        assertThat(identity.emails()).containsExactly("alice@acme.test");
        assertThat(identity.dnsNames()).containsExactly("alice.acme.test");
        assertThat(identity.uris()).isEmpty();
        assertThat(identity.rdnSequence()).isEqualTo("CN=alice,O=Acme");
        assertThat(identity.subject()).hasSize(2);
    }

    private static String of(String rfc4514) {
        // X500Principal parses RFC 2253 most significant last: the first written is the last RDN.
        return GoDistinguishedName.of(new X500Principal(rfc4514));
    }
}
