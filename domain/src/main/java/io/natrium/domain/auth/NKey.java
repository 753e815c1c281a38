package io.natrium.domain.auth;

import java.util.Arrays;

/**
 * An NKey public key: a type prefix, a 32-byte Ed25519 public key and a CRC-16 checksum, base32-encoded into 56
 * characters such as {@code NAZILSWIQ5Z7...}. Servers are identified by one (their {@code server_id}).
 */
public final class NKey {

    private static final int KEY_LENGTH = 32;
    private static final int ENCODED_LENGTH = 56;

    private final NKeyType type;
    private final byte[] publicKey;
    private final String encoded;

    private NKey(NKeyType type, byte[] publicKey, String encoded) {
        this.type = type;
        this.publicKey = publicKey;
        this.encoded = encoded;
    }

    /** The NKey of a raw 32-byte public key. */
    public static NKey of(NKeyType type, byte[] publicKey) {
        if (publicKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an NKey public key has 32 bytes, not " + publicKey.length);
        }
        byte[] raw = new byte[1 + KEY_LENGTH + 2];
        raw[0] = type.prefixByte();
        System.arraycopy(publicKey, 0, raw, 1, KEY_LENGTH);
        int crc = Crc16.of(raw, 0, 1 + KEY_LENGTH);
        raw[1 + KEY_LENGTH] = (byte) crc;
        raw[2 + KEY_LENGTH] = (byte) (crc >>> 8);
        return new NKey(type, publicKey.clone(), Base32.encode(raw));
    }

    /** Parses an encoded public key; returns null when it is not one (wrong length, alphabet, prefix or checksum). */
    public static NKey parse(String encoded) {
        if (encoded == null || encoded.length() != ENCODED_LENGTH) {
            return null;
        }
        byte[] raw = Base32.decode(encoded);
        if (raw == null || raw.length != 1 + KEY_LENGTH + 2) {
            return null;
        }
        NKeyType type = NKeyType.ofPrefixByte(raw[0]);
        int crc = raw[1 + KEY_LENGTH] & 0xFF | (raw[2 + KEY_LENGTH] & 0xFF) << 8;
        if (type == null || crc != Crc16.of(raw, 0, 1 + KEY_LENGTH)) {
            return null;
        }
        return new NKey(type, Arrays.copyOfRange(raw, 1, 1 + KEY_LENGTH), encoded);
    }

    public NKeyType type() {
        return type;
    }

    /** The raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String encoded() {
        return encoded;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NKey && ((NKey) other).encoded.equals(encoded);
    }

    @Override
    public int hashCode() {
        return encoded.hashCode();
    }

    @Override
    public String toString() {
        return encoded;
    }
}
