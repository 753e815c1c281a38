package io.natrium.domain.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/** A user nkey made with the JDK, and signatures of nonces as a client makes them. */
final class Ed25519TestKeys {

    private final KeyPair pair;
    private final NKey nkey;

    private Ed25519TestKeys(KeyPair pair) {
        this.pair = pair;
        byte[] encoded = pair.getPublic().getEncoded();
        // The X.509 form ends with the raw 32-byte key.
        this.nkey = NKey.of(NKeyType.USER, Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    static Ed25519TestKeys generate() {
        try {
            return new Ed25519TestKeys(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    NKey nkey() {
        return nkey;
    }

    String publicKey() {
        return nkey.encoded();
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

    /** The {@code sig} a client sends: the nonce's characters signed, in unpadded base64url. */
    String signNonce(String nonce) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sign(nonce.getBytes(UTF_8)));
    }
}
