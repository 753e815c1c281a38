package io.natrium.domain.auth;

/** RFC 4648 base32 without padding, as NKeys (and the JWT ids) use it. */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    static int valueOf(char c) {
        return ALPHABET.indexOf(c);
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = buffer << 8 | b & 0xFF;
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt(buffer >>> bits - 5 & 0x1F));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt(buffer << 5 - bits & 0x1F));
        }
        return out.toString();
    }

    /** Decodes, or returns null when a character is outside the alphabet. */
    static byte[] decode(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = valueOf(text.charAt(i));
            if (value < 0) {
                return null;
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> bits - 8);
                bits -= 8;
            }
        }
        return out;
    }
}
