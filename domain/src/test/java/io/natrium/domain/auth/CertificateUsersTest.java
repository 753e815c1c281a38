package io.natrium.domain.auth;

import static io.natrium.domain.auth.DistinguishedNameTest.C;
import static io.natrium.domain.auth.DistinguishedNameTest.CN;
import static io.natrium.domain.auth.DistinguishedNameTest.DC;
import static io.natrium.domain.auth.DistinguishedNameTest.EMAIL;
import static io.natrium.domain.auth.DistinguishedNameTest.O;
import static io.natrium.domain.auth.DistinguishedNameTest.rdn;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.auth.CertificateIdentity.SubjectAttribute;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** nats-server's {@code checkClientTLSCertSubject} order over the configured users. */
class CertificateUsersTest {

    private static final List<List<SubjectAttribute>> ALICE =
            List.of(rdn(C, "US"), rdn(O, "Acme"), rdn(CN, "alice"));

    private static CertificateIdentity certificate(List<String> emails, List<String> dns, List<String> uris,
            String rdnSequence, List<List<SubjectAttribute>> subject) {
        return new CertificateIdentity(emails, dns, uris, rdnSequence, subject);
    }

    private static String find(CertificateIdentity certificate, String... users) {
        List<User> configured = java.util.Arrays.stream(users).map(name -> User.of(name, "")).toList();
        User found = new CertificateUsers(configured).find(certificate, ConnectionType.STANDARD).user();
        return found == null ? null : found.username();
    }

    @Test
    void emailsComeBeforeDnsNamesBeforeUrisBeforeTheSubject() {
        CertificateIdentity all = certificate(List.of("nobody@x", "a@x"), List.of("host.x"), List.of("spiffe://x/a"),
                "CN=alice,O=Acme,C=US", ALICE);
        assertThat(find(all, "CN=alice,O=Acme,C=US", "spiffe://x/a", "host.x", "a@x")).isEqualTo("a@x");
        assertThat(find(all, "CN=alice,O=Acme,C=US", "spiffe://x/a", "host.x")).isEqualTo("host.x");
        assertThat(find(all, "CN=alice,O=Acme,C=US", "spiffe://x/a")).isEqualTo("spiffe://x/a");
        assertThat(find(all, "CN=alice,O=Acme,C=US")).isEqualTo("CN=alice,O=Acme,C=US");
        assertThat(find(all, "alice", "CN=bob,O=Acme,C=US")).isNull();
    }

    @Test
    void aUserNamedByDnMatchesWithSpacesCaseOfTypesOrAnotherRdnOrder() {
        CertificateIdentity alice = certificate(List.of(), List.of(), List.of(), "CN=alice,O=Acme,C=US", ALICE);
        assertThat(find(alice, "cn=alice, o=Acme, c=US")).isEqualTo("cn=alice, o=Acme, c=US");
        assertThat(find(alice, "C=US, O=Acme, CN=alice")).isEqualTo("C=US, O=Acme, CN=alice");
        assertThat(find(alice, "C=US,O=Acme,CN=alice", "CN=alice,O=Acme,C=US"))
                .as("the exact order is tried on every user first").isEqualTo("CN=alice,O=Acme,C=US");
        assertThat(find(alice, "CN=alice,O=Acme")).isNull();
    }

    @Test
    void domainComponentsAreMatchedAsDnOrAppendedInTheCertificatesOrder() {
        List<List<SubjectAttribute>> withDc = List.of(rdn(DC, "com"), rdn(DC, "example"), rdn(O, "Acme"),
                rdn(CN, "alice"));
        CertificateIdentity dc = certificate(List.of(), List.of(), List.of(), "CN=alice,O=Acme", withDc);
        assertThat(find(dc, "CN=alice,O=Acme,DC=example,DC=com")).isEqualTo("CN=alice,O=Acme,DC=example,DC=com");
        assertThat(find(dc, "CN=alice,O=Acme")).as("the RDN sequence alone").isEqualTo("CN=alice,O=Acme");
        // An email attribute leaves the DN unmatched: Go's string of the sequence plus the components remains.
        List<List<SubjectAttribute>> withEmail = List.of(rdn(DC, "com"), rdn(DC, "example"), rdn(O, "Acme"),
                rdn(CN, "alice"), rdn(EMAIL, "a@x"));
        CertificateIdentity email = certificate(List.of(), List.of(), List.of(), "CN=alice,O=Acme", withEmail);
        assertThat(find(email, "CN=alice,O=Acme,DC=example,DC=com")).isNull();
        assertThat(find(email, "CN=alice,O=Acme,DC=com,DC=example")).isEqualTo("CN=alice,O=Acme,DC=com,DC=example");
        assertThat(CertificateUsers.domainComponents(withEmail)).isEqualTo("DC=com,DC=example");
    }

    @Test
    void usersNotAllowedOnTheConnectionTypeArePassedOver() {
        CertificateIdentity both = certificate(List.of("a@x"), List.of(), List.of(), "CN=alice,O=Acme,C=US", ALICE);
        User web = User.of("a@x", "").withAllowedConnectionTypes(Set.of(ConnectionType.WEBSOCKET));
        User dn = User.of("CN=alice,O=Acme,C=US", "");
        assertThat(new CertificateUsers(List.of(web, dn)).find(both, ConnectionType.STANDARD).user()).isEqualTo(dn);
        assertThat(new CertificateUsers(List.of(web, dn)).find(both, ConnectionType.WEBSOCKET).user()).isEqualTo(web);
    }

    @Test
    void noCertificateOrOnlyDnsNamesWithoutSubjectFindNobody() {
        assertThat(find(null, "a")).isNull();
        CertificateIdentity dnsOnly = certificate(List.of(), List.of("host.x"), List.of(), "", List.of());
        assertThat(find(dnsOnly, "host.x")).as("nats-server asks for an email, a URI or a subject").isNull();
        CertificateUsers.Match miss = new CertificateUsers(List.of(User.of("x", "")))
                .find(certificate(List.of(), List.of(), List.of(), "CN=alice,O=Acme,C=US", ALICE),
                        ConnectionType.STANDARD);
        assertThat(miss.how()).endsWith("User in cert [\"CN=alice,O=Acme,C=US\"], not found");
    }
}
