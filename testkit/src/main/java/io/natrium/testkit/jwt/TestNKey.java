package io.natrium.testkit.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;

/**
 * An operator, account or user nkey made with the JDK's Ed25519, independent of Natrium's own nkey code: its public
 * key and seed in the nkeys encoding (so creds files can be written for real clients), and signatures.
 */
public final class TestNKey {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int SEED_PREFIX = 18 << 3;

    private final char type;
    private final KeyPair pair;

    private TestNKey(char type, KeyPair pair) {
        this.type = type;
        this.pair = pair;
    }

    public static TestNKey operator() {
        return generate('O');
    }

    public static TestNKey account() {
        return generate('A');
    }

    public static TestNKey user() {
        return generate('U');
    }

    private static TestNKey generate(char type) {
        try {
            return new TestNKey(type, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The encoded public key ({@code O...}, {@code A...}, {@code U...}). */
    public String publicKey() {
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] raw = new byte[33];
        raw[0] = prefixByte();
        // The X.509 form ends with the raw 32-byte key.
        System.arraycopy(encoded, encoded.length - 32, raw, 1, 32);
        return withChecksum(raw);
    }

    /** The encoded seed ({@code SO...}, {@code SA...}, {@code SU...}) that nkeys libraries read. */
    public String seed() {
        byte[] encoded = pair.getPrivate().getEncoded();
        byte[] raw = new byte[34];
        raw[0] = (byte) (SEED_PREFIX | (prefixByte() & 0xFF) >> 5);
        raw[1] = (byte) ((prefixByte() & 31) << 3);
        // The PKCS#8 form of an Ed25519 key ends with its 32-byte seed.
        System.arraycopy(encoded, encoded.length - 32, raw, 2, 32);
        return withChecksum(raw);
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte prefixByte() {
        return (byte) (BASE32.indexOf(type) << 3);
    }

    private static String withChecksum(byte[] raw) {
        int crc = crc16(raw);
        byte[] full = Arrays.copyOf(raw, raw.length + 2);
        full[raw.length] = (byte) crc;
        full[raw.length + 1] = (byte) (crc >>> 8);
        return base32(full);
    }

    private static int crc16(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? crc << 1 ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }

    private static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = buffer << 8 | b & 0xFF;
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt(buffer >>> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt(buffer << 5 - bits & 31));
        }
        return out.toString();
    }
}
