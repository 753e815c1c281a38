package io.natrium.domain.auth;

/** The kinds of NKey public key, by the first character of their encoded form. */
public enum NKeyType {
    OPERATOR('O'),
    SERVER('N'),
    CLUSTER('C'),
    ACCOUNT('A'),
    USER('U'),
    CURVE('X');

    private final char letter;

    NKeyType(char letter) {
        this.letter = letter;
    }

    /** The first character of an encoded public key of this type. */
    public char letter() {
        return letter;
    }

    /** The prefix byte: the letter's base32 value in the top five bits. */
    byte prefixByte() {
        return (byte) (Base32.valueOf(letter) << 3);
    }

    static NKeyType ofPrefixByte(int prefix) {
        for (NKeyType type : values()) {
            if ((type.prefixByte() & 0xFF) == (prefix & 0xFF)) {
                return type;
            }
        }
        return null;
    }
}
