package io.natrium.domain.auth;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An nkey seed ({@code SO...}, {@code SA...}, {@code SU...}): the 32-byte Ed25519 private seed of a key, encoded as
 * the nkeys library does (two prefix bytes, the seed, a CRC-16, base32). It signs, with the JDK's Ed25519: the keys
 * of JWTs written back, the server's own key (its id is the public key) and the throw-away user keys auth callout
 * names in its requests.
 */
public final class NKeySeed {

    private static final int SEED_PREFIX = 18 << 3;
    private static final int SEED_LENGTH = 32;
    private static final String ALGORITHM = "Ed25519";
    private static final SecureRandom STRONG_RANDOM = new SecureRandom();

    private final NKey publicKey;
    private final KeyPair pair;
    private final String encoded;

    private NKeySeed(NKey publicKey, KeyPair pair, String encoded) {
        this.publicKey = publicKey;
        this.pair = pair;
        this.encoded = encoded;
    }

    /** A fresh key of {@code type}, its seed from the JDK's strong random source (nkeys' {@code CreatePair}). */
    public static NKeySeed generate(NKeyType type) {
        byte[] seed = new byte[SEED_LENGTH];
        STRONG_RANDOM.nextBytes(seed);
        return of(type, seed);
    }

    /** The key of a raw 32-byte Ed25519 seed. */
    public static NKeySeed of(NKeyType type, byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("an nkey seed has 32 bytes, not " + seed.length);
        }
        byte[] raw = new byte[2 + SEED_LENGTH + 2];
        int prefix = type.prefixByte() & 0xFF;
        raw[0] = (byte) (SEED_PREFIX | prefix >> 5);
        raw[1] = (byte) ((prefix & 31) << 3);
        System.arraycopy(seed, 0, raw, 2, SEED_LENGTH);
        int crc = Crc16.of(raw, 0, 2 + SEED_LENGTH);
        raw[2 + SEED_LENGTH] = (byte) crc;
        raw[3 + SEED_LENGTH] = (byte) (crc >>> 8);
        return parse(Base32.encode(raw));
    }

    /** The seed's key, or null when {@code encoded} is not a seed (alphabet, length, prefix or checksum). */
    public static NKeySeed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        byte[] raw = Base32.decode(encoded.strip());
        if (raw == null || raw.length != 2 + SEED_LENGTH + 2) {
            return null;
        }
        int crc = raw[raw.length - 2] & 0xFF | (raw[raw.length - 1] & 0xFF) << 8;
        if (crc != Crc16.of(raw, 0, raw.length - 2) || (raw[0] & 0xF8) != SEED_PREFIX) {
            return null;
        }
        NKeyType type = NKeyType.ofPrefixByte((raw[0] & 0x07) << 5 | (raw[1] & 0xFF) >> 3);
        if (type == null) {
            return null;
        }
        KeyPair pair = keyPair(Arrays.copyOfRange(raw, 2, 2 + SEED_LENGTH));
        byte[] encodedPublic = pair.getPublic().getEncoded();
        // The X.509 form of an Ed25519 key ends with its raw 32 bytes.
        NKey key = NKey.of(type, Arrays.copyOfRange(encodedPublic, encodedPublic.length - 32, encodedPublic.length));
        return new NKeySeed(key, pair, encoded.strip());
    }

    /** The seed as nkeys libraries write it. */
    public String encoded() {
        return encoded;
    }

    public NKey publicKey() {
        return publicKey;
    }

    /** The Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(pair.getPrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot sign with Ed25519", e);
        }
    }

    /** The public key only: a seed is never written where a key is shown. */
    @Override
    public String toString() {
        return publicKey.encoded();
    }

    /**
     * The key pair of a seed. The JDK takes an Ed25519 private key as the 32 bytes its generator draws, and has no
     * other way to derive the public key from them, so the generator is given the seed as its randomness.
     */
    private static KeyPair keyPair(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519 provider", e);
        }
    }

    /** Randomness that is the seed: the generator reads exactly its 32 bytes. */
    private static final class SeedRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
