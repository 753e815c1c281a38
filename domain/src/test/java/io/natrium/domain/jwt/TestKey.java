package io.natrium.domain.jwt;

import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;

/** An operator, account or user key made with the JDK's Ed25519, independent of the decoder under test. */
final class TestKey {

    private final NKeyType type;
    private final KeyPair pair;
    private final String publicKey;

    private TestKey(NKeyType type, KeyPair pair) {
        this.type = type;
        this.pair = pair;
        byte[] encoded = pair.getPublic().getEncoded();
        // The X.509 form ends with the raw 32-byte key.
        this.publicKey = NKey.of(type, Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)).encoded();
    }

    static TestKey operator() {
        return generate(NKeyType.OPERATOR);
    }

    static TestKey account() {
        return generate(NKeyType.ACCOUNT);
    }

    static TestKey user() {
        return generate(NKeyType.USER);
    }

    static TestKey generate(NKeyType type) {
        try {
            return new TestKey(type, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String publicKey() {
        return publicKey;
    }

    /** The key's seed; the PKCS#8 form of an Ed25519 key ends with its 32 seed bytes. */
    NKeySeed seed() {
        byte[] encoded = pair.getPrivate().getEncoded();
        return NKeySeed.of(type, Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
