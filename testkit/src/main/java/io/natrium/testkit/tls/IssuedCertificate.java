package io.natrium.testkit.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A certificate with its private key and the intermediates that lead to its root.
 *
 * @param certificate the certificate
 * @param key         its private key
 * @param chain       intermediate CA certificates after it, nearest first; empty when issued by a root
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {

    public IssuedCertificate {
        chain = List.copyOf(chain);
    }

    /** Writes the certificate, then its chain, as PEM. */
    public Path writeCertificate(Path file) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(certificate);
            for (X509Certificate intermediate : chain) {
                pem.writeObject(intermediate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(file, text.toString());
    }

    /** Writes the private key as PKCS#8 PEM. */
    public Path writeKey(Path file) {
        return writeKey(file, KeyFormat.PKCS8);
    }

    public Path writeKey(Path file, KeyFormat format) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            if (format == KeyFormat.PKCS8) {
                pem.writeObject(new JcaPKCS8Generator(key, null));
            } else if (key.getAlgorithm().equals("EC")) {
                pem.writeObject(new PemObject("EC PRIVATE KEY", sec1WithCurve()));
            } else {
                pem.writeObject(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(file, text.toString());
    }

    /** The lowercase hex SHA-256 of the certificate's DER, as /connz {@code cert_sha256} shows it. */
    public String sha256() {
        return sha256(encoded());
    }

    /** The lowercase hex SHA-256 of the SubjectPublicKeyInfo, as /connz {@code spki_sha256} and pins show it. */
    public String spkiSha256() {
        return sha256(certificate.getPublicKey().getEncoded());
    }

    /** A key manager presenting this certificate (with its chain), for a client's {@code SSLContext}. */
    public KeyManagerFactory keyManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<Certificate> all = new ArrayList<>();
            all.add(certificate);
            all.addAll(chain);
            store.setKeyEntry("key", key, new char[0], all.toArray(Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, new char[0]);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SEC 1 with the curve named in the key ({@code [0] parameters}), as OpenSSL writes it: Go cannot read an EC
     * key without it, and Bouncy Castle leaves it out when converting from the JDK's PKCS#8.
     */
    private byte[] sec1WithCurve() throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ASN1Primitive curve = info.getPrivateKeyAlgorithm().getParameters().toASN1Primitive();
        int orderBits = ((java.security.interfaces.ECPrivateKey) key).getParams().getOrder().bitLength();
        return new ECPrivateKey(orderBits, inner.getKey(), null, curve).getEncoded();
    }

    private byte[] encoded() {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
