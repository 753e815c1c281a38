package io.natrium.domain.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** Ed25519 signature checks with the JDK's provider (Java 15 and later), for nkeys. */
public final class NKeySignatures {

    /** The DER prefix that wraps a raw 32-byte Ed25519 key into an X.509 SubjectPublicKeyInfo (RFC 8410). */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int SIGNATURE_LENGTH = 64;
    private static final String ALGORITHM = "Ed25519";

    private NKeySignatures() {
    }

    /** True when {@code signature} is the key's Ed25519 signature of {@code message}. */
    public static boolean verify(NKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey(key));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("this JDK has no Ed25519 provider", missing);
        } catch (GeneralSecurityException notAValidKeyOrSignature) {
            return false;
        }
    }

    /** The JDK key for an nkey's raw public key. */
    static PublicKey publicKey(NKey key) throws GeneralSecurityException {
        byte[] raw = key.publicKey();
        byte[] encoded = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
    }
}
