package io.natrium.testkit.tls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a certificate should say. Build one with {@link #subject(String)} and the {@code with*} methods.
 *
 * @param subject     the subject DN as RFC 4514 text, e.g. {@code CN=client,O=Acme}
 * @param dnsNames    DNS subject alternative names
 * @param ipAddresses IP subject alternative names
 * @param emails      email (rfc822Name) subject alternative names
 * @param notBefore   start of validity
 * @param notAfter    end of validity
 * @param key         the certified key's algorithm
 * @param mustStaple  carries the TLS feature status_request (RFC 7633, "OCSP must-staple")
 * @param ocspUrls    OCSP responders named in the authority information access extension
 */
public record CertificateSpec(String subject, List<String> dnsNames, List<String> ipAddresses, List<String> emails,
        Instant notBefore, Instant notAfter, KeyKind key, boolean mustStaple, List<String> ocspUrls) {

    public CertificateSpec {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        emails = List.copyOf(emails);
        ocspUrls = List.copyOf(ocspUrls);
    }

    /** Valid from an hour ago for a day, EC P-256, no alternative names. */
    public static CertificateSpec subject(String subject) {
        Instant now = Instant.now();
        return new CertificateSpec(subject, List.of(), List.of(), List.of(), now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)), KeyKind.EC_P256, false, List.of());
    }

    public CertificateSpec withDnsNames(String... names) {
        return new CertificateSpec(subject, List.of(names), ipAddresses, emails, notBefore, notAfter, key, mustStaple, ocspUrls);
    }

    public CertificateSpec withIpAddresses(String... addresses) {
        return new CertificateSpec(subject, dnsNames, List.of(addresses), emails, notBefore, notAfter, key, mustStaple, ocspUrls);
    }

    public CertificateSpec withEmails(String... addresses) {
        return new CertificateSpec(subject, dnsNames, ipAddresses, List.of(addresses), notBefore, notAfter, key, mustStaple, ocspUrls);
    }

    public CertificateSpec validBetween(Instant from, Instant until) {
        return new CertificateSpec(subject, dnsNames, ipAddresses, emails, from, until, key, mustStaple, ocspUrls);
    }

    /** Expired yesterday. */
    public CertificateSpec expired() {
        Instant now = Instant.now();
        return validBetween(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
    }

    /** Valid only from tomorrow. */
    public CertificateSpec notYetValid() {
        Instant now = Instant.now();
        return validBetween(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
    }

    public CertificateSpec withKey(KeyKind kind) {
        return new CertificateSpec(subject, dnsNames, ipAddresses, emails, notBefore, notAfter, kind, mustStaple,
                ocspUrls);
    }

    /** Asks the server to staple an OCSP response (RFC 7633 TLS feature status_request). */
    public CertificateSpec withMustStaple() {
        return new CertificateSpec(subject, dnsNames, ipAddresses, emails, notBefore, notAfter, key, true, ocspUrls);
    }

    /** Names OCSP responders in the authority information access extension. */
    public CertificateSpec withOcspUrls(String... urls) {
        return new CertificateSpec(subject, dnsNames, ipAddresses, emails, notBefore, notAfter, key, mustStaple,
                List.of(urls));
    }
}
