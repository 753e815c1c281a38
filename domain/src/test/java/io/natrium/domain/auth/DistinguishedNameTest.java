package io.natrium.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.auth.CertificateIdentity.SubjectAttribute;

import java.util.List;

import org.junit.jupiter.api.Test;

/** nats-server's {@code internal/ldap} DN reading and comparison. */
class DistinguishedNameTest {

    static final String CN = "2.5.4.3";
    static final String O = "2.5.4.10";
    static final String OU = "2.5.4.11";
    static final String C = "2.5.4.6";
    static final String DC = "0.9.2342.19200300.100.1.25";
    static final String EMAIL = "1.2.840.113549.1.9.1";

    static List<SubjectAttribute> rdn(String oid, String value) {
        return List.of(new SubjectAttribute(oid, value));
    }

    @Test
    void readsRdnsDroppingSpacesAroundValues() {
        assertThat(DistinguishedName.parse("CN=alice, OU=eng  ,O=Acme")).hasToString("CN=alice,OU=eng,O=Acme");
        assertThat(DistinguishedName.parse(" CN = alice ,O=Acme")).hasToString("CN=alice,O=Acme");
    }

    @Test
    void readsEscapesAndMultiValuedRdns() {
        assertThat(DistinguishedName.parse("CN=a\\,b\\+c,O=x")).hasToString("CN=a,b+c,O=x");
        assertThat(DistinguishedName.parse("CN=caf\\C3\\A9")).hasToString("CN=café");
        assertThat(DistinguishedName.parse("CN=trailing\\ ")).hasToString("CN=trailing ");
        DistinguishedName multi = DistinguishedName.parse("CN=a+OU=b,O=x");
        assertThat(multi.rdns()).hasSize(2);
        assertThat(multi.rdns().get(0)).hasSize(2);
    }

    @Test
    void aPlainNameOrABerValueIsNoDn() {
        assertThat(DistinguishedName.parse("alice")).isNull();
        assertThat(DistinguishedName.parse("a@example.com")).isNull();
        assertThat(DistinguishedName.parse("CN=#0403616263")).isNull();
        assertThat(DistinguishedName.parse("CN=bad\\zz")).isNull();
        assertThat(DistinguishedName.parse(",CN=a")).isNull();
        assertThat(DistinguishedName.parse("").rdns()).isEmpty();
    }

    @Test
    void aSubjectIsReadLastRdnFirst() {
        DistinguishedName subject = DistinguishedName.ofSubject(
                List.of(rdn(C, "US"), rdn(O, "Acme"), rdn(CN, "alice")));
        assertThat(subject).hasToString("CN=alice,O=Acme,C=US");
        assertThat(subject.sameAs(DistinguishedName.parse("CN=alice,O=Acme,C=US"))).isTrue();
        assertThat(subject.sameAs(DistinguishedName.parse("cn=alice, o=Acme, c=US"))).as("types ignore case").isTrue();
        assertThat(subject.sameAs(DistinguishedName.parse("CN=Alice,O=Acme,C=US"))).as("values do not").isFalse();
        assertThat(subject.sameAs(DistinguishedName.parse("C=US,O=Acme,CN=alice"))).isFalse();
        assertThat(subject.sameRdnsAs(DistinguishedName.parse("C=US,O=Acme,CN=alice"))).isTrue();
        assertThat(subject.sameRdnsAs(DistinguishedName.parse("C=US,CN=alice"))).isFalse();
    }

    @Test
    void attributesOfOneRdnCompareInAnyOrder() {
        DistinguishedName subject = DistinguishedName.ofSubject(List.of(rdn(O, "Acme"),
                List.of(new SubjectAttribute(CN, "alice"), new SubjectAttribute(OU, "eng"))));
        assertThat(subject).hasToString("OU=eng+CN=alice,O=Acme");
        assertThat(subject.sameAs(DistinguishedName.parse("CN=alice+OU=eng,O=Acme"))).isTrue();
    }

    @Test
    void aSubjectWithAnAttributeOutsideTheTenOrANonStringValueHasNoDn() {
        assertThat(DistinguishedName.ofSubject(List.of(rdn(CN, "alice"), rdn(EMAIL, "a@x")))).isNull();
        assertThat(DistinguishedName.ofSubject(List.of(rdn(CN, null)))).isNull();
        assertThat(DistinguishedName.ofSubject(List.of(rdn(DC, "com"), List.of(), rdn(CN, "a"))))
                .hasToString("CN=a,DC=com");
    }
}
