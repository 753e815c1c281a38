package io.natrium.testkit.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made by a test: it issues server and client certificates (and CAs below it) with the
 * names, validity and keys the test asks for. Nothing it makes is ever written anywhere but a test's own temporary
 * directory.
 */
public final class CertificateAuthority {

    /** id-pe-tlsfeature (RFC 7633). */
    private static final ASN1ObjectIdentifier TLS_FEATURE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24");

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffffL);

    private final IssuedCertificate self;
    private final KeyKind signingKey;

    private CertificateAuthority(IssuedCertificate self, KeyKind signingKey) {
        this.self = self;
        this.signingKey = signingKey;
    }

    /** A new self-signed root, valid for a day, with an EC P-256 key. */
    public static CertificateAuthority root(String commonName) {
        return root(CertificateSpec.subject("CN=" + commonName).validBetween(Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(2))));
    }

    /** A new self-signed root as the spec says. */
    public static CertificateAuthority root(CertificateSpec spec) {
        KeyPair keys = spec.key().generate();
        X509Certificate certificate = build(spec, keys, new X500Principal(spec.subject()), keys, spec.key(), true,
                Usage.CA);
        return new CertificateAuthority(new IssuedCertificate(certificate, keys.getPrivate(), List.of()), spec.key());
    }

    /** The CA's own certificate, what a peer trusts ({@code ca_file}). */
    public X509Certificate certificate() {
        return self.certificate();
    }

    /** The CA as an issued certificate, to write its PEM. */
    public IssuedCertificate asIssued() {
        return self;
    }

    /** A server certificate: {@code CN=<commonName>} with these DNS names and 127.0.0.1 as alternative names. */
    public IssuedCertificate server(String commonName, String... dnsNames) {
        return issueServer(CertificateSpec.subject("CN=" + commonName).withDnsNames(dnsNames)
                .withIpAddresses("127.0.0.1"));
    }

    public IssuedCertificate issueServer(CertificateSpec spec) {
        return issue(spec, Usage.SERVER);
    }

    /** A client certificate with this subject DN (RFC 4514 text). */
    public IssuedCertificate client(String subject) {
        return issueClient(CertificateSpec.subject(subject));
    }

    public IssuedCertificate issueClient(CertificateSpec spec) {
        return issue(spec, Usage.CLIENT);
    }

    /** An intermediate CA signed by this one. */
    public CertificateAuthority intermediate(String commonName) {
        CertificateSpec spec = CertificateSpec.subject("CN=" + commonName);
        KeyPair keys = spec.key().generate();
        X509Certificate certificate = build(spec, keys, self.certificate().getSubjectX500Principal(),
                new KeyPair(self.certificate().getPublicKey(), self.key()), signingKey, true, Usage.CA);
        return new CertificateAuthority(new IssuedCertificate(certificate, keys.getPrivate(),
                chainBelow()), spec.key());
    }

    private IssuedCertificate issue(CertificateSpec spec, Usage usage) {
        KeyPair keys = spec.key().generate();
        X509Certificate certificate = build(spec, keys, self.certificate().getSubjectX500Principal(),
                new KeyPair(self.certificate().getPublicKey(), self.key()), signingKey, false, usage);
        return new IssuedCertificate(certificate, keys.getPrivate(), chainBelow());
    }

    /** What a certificate issued here carries after itself: the intermediates up to (not including) the root. */
    private List<X509Certificate> chainBelow() {
        if (self.certificate().getSubjectX500Principal().equals(self.certificate().getIssuerX500Principal())) {
            return List.of();
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(self.certificate());
        chain.addAll(self.chain());
        return chain;
    }

    private enum Usage { CA, SERVER, CLIENT }

    private static X509Certificate build(CertificateSpec spec, KeyPair subjectKeys, X500Principal issuer,
            KeyPair issuerKeys, KeyKind issuerKind, boolean ca, Usage usage) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(spec.notBefore()),
                    Date.from(spec.notAfter()), new X500Principal(spec.subject()), subjectKeys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            switch (usage) {
                case CA -> builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
                case SERVER -> builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                case CLIENT -> builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                default -> throw new IllegalStateException();
            }
            if (usage != Usage.CA) {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            }
            List<GeneralName> names = new ArrayList<>();
            spec.dnsNames().forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
            spec.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            spec.emails().forEach(email -> names.add(new GeneralName(GeneralName.rfc822Name, email)));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            if (spec.mustStaple()) {
                // TLSFeature ::= SEQUENCE OF INTEGER; 5 is status_request.
                builder.addExtension(TLS_FEATURE, false, new DERSequence(new ASN1Integer(5)));
            }
            if (!spec.ocspUrls().isEmpty()) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        spec.ocspUrls().stream().map(url -> new AccessDescription(AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, url)))
                                .toArray(AccessDescription[]::new)));
            }
            ContentSigner signer = new JcaContentSignerBuilder(issuerKind.signatureAlgorithm())
                    .build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test certificate " + spec.subject(), e);
        }
    }
}
