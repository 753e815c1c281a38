package io.natrium.testkit.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The key algorithms nats-server accepts for its certificates. EC P-256 is the default: it is made fastest. */
public enum KeyKind {
    RSA_2048("RSA", "SHA256withRSA"),
    EC_P256("EC", "SHA256withECDSA"),
    EC_P384("EC", "SHA384withECDSA");

    private final String algorithm;
    private final String signature;

    KeyKind(String algorithm, String signature) {
        this.algorithm = algorithm;
        this.signature = signature;
    }

    /** The JCA signature algorithm a certificate authority with this key signs with. */
    String signatureAlgorithm() {
        return signature;
    }

    KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            switch (this) {
                case RSA_2048 -> generator.initialize(2048);
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
                case EC_P384 -> generator.initialize(new ECGenParameterSpec("secp384r1"));
                default -> throw new IllegalStateException(name());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime makes " + this + " keys", e);
        }
    }
}
