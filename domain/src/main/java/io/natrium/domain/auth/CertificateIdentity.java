package io.natrium.domain.auth;

import java.util.List;

/**
 * What a client's TLS certificate says about who it is, as plain values, for {@code verify_and_map}: the names
 * nats-server's {@code checkClientTLSCertSubject} looks users up by.
 *
 * @param emails      the email address SANs, in the certificate's order
 * @param dnsNames    the DNS name SANs, in the certificate's order
 * @param uris        the URI SANs, in the certificate's order
 * @param rdnSequence the subject as Go's {@code pkix.Name.ToRDNSequence().String()} writes it: the well-known
 *                    attributes only (C, ST, L, STREET, POSTALCODE, O, OU, CN, SERIALNUMBER), e.g.
 *                    {@code CN=alice,OU=eng,O=Acme}
 * @param subject     the subject's relative distinguished names as encoded in the certificate (outermost first),
 *                    every attribute with its OID
 */
public record CertificateIdentity(List<String> emails, List<String> dnsNames, List<String> uris, String rdnSequence,
        List<List<SubjectAttribute>> subject) {

    public CertificateIdentity {
        emails = List.copyOf(emails);
        dnsNames = List.copyOf(dnsNames);
        uris = List.copyOf(uris);
        rdnSequence = rdnSequence == null ? "" : rdnSequence;
        subject = subject.stream().map(List::copyOf).toList();
    }

    /**
     * One attribute of the subject.
     *
     * @param oid   its type, dotted, e.g. {@code 2.5.4.3}
     * @param value its value when it is a string, null otherwise
     */
    public record SubjectAttribute(String oid, String value) {
    }

    /** Whether the subject has any attribute: Go's {@code len(cert.Subject.String()) > 0}. */
    public boolean hasSubject() {
        return subject.stream().anyMatch(rdn -> !rdn.isEmpty());
    }
}
