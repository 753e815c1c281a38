package io.natrium.domain.auth;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * An Ed25519 key pair that signs, as an nkeys {@code KeyPair}: the server's own key (its id is the public key), and
 * the throw-away user keys auth callout names in its requests. Made by the JDK's provider; the private key never
 * leaves it.
 */
public final class NKeyPair {

    private static final String ALGORITHM = "Ed25519";
    /** The raw public key ends the JDK's X.509 encoding of an Ed25519 key (RFC 8410). */
    private static final int RAW_KEY_LENGTH = 32;

    private final NKey publicKey;
    private final PrivateKey privateKey;

    private NKeyPair(NKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** A fresh key pair of {@code type} from the JDK's secure random source. */
    public static NKeyPair generate(NKeyType type) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - RAW_KEY_LENGTH, encoded.length);
            return new NKeyPair(NKey.of(type, raw), pair.getPrivate());
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("this JDK has no Ed25519 provider", missing);
        }
    }

    public NKey publicKey() {
        return publicKey;
    }

    /** The Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("the JDK refused its own Ed25519 key", impossible);
        }
    }

    @Override
    public String toString() {
        return publicKey.encoded();
    }
}
