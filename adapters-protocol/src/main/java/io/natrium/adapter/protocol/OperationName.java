package io.natrium.adapter.protocol;

import io.natrium.domain.HotPath;

import java.nio.charset.StandardCharsets;

/**
 * The names of the operations a client sends, recognised one byte at a time and case-insensitively, as nats-server's
 * parser does: a byte that cannot continue any name is an error at once, before the line ends. An operation in
 * progress is an int (one of the constants) plus the number of letters read so far.
 */
@HotPath
final class OperationName {

    /** No operation: the byte read cannot start or continue one. */
    static final int UNKNOWN = -1;
    static final int PUB = 0;
    static final int PING = 1;
    static final int PONG = 2;
    static final int HPUB = 3;
    static final int HMSG = 4;
    static final int SUB = 5;
    static final int UNSUB = 6;
    static final int CONNECT = 7;
    static final int INFO = 8;
    static final int OK = 9;
    static final int ERR = 10;
    /** P read: PUB, PING or PONG; the second letter decides. */
    static final int AMBIGUOUS_P = 11;
    /** H read: HPUB or HMSG; the second letter decides. */
    static final int AMBIGUOUS_H = 12;

    private static final byte[][] NAMES = {
            ascii("PUB"), ascii("PING"), ascii("PONG"), ascii("HPUB"), ascii("HMSG"), ascii("SUB"), ascii("UNSUB"),
            ascii("CONNECT"), ascii("INFO"), ascii("+OK"), ascii("-ERR")};

    private OperationName() {
    }

    /**
     * The operation after byte {@code b}, read as letter number {@code position} (zero-based) of {@code operation}
     * ({@link #UNKNOWN} before the first letter); {@link #UNKNOWN} when no name goes on that way.
     */
    static int next(int operation, int position, int b) {
        if (position == 0) {
            return firstLetter(b);
        }
        if (operation == AMBIGUOUS_P || operation == AMBIGUOUS_H) {
            return secondLetter(operation, b);
        }
        return upper(b) == NAMES[operation][position] ? operation : UNKNOWN;
    }

    /** Whether {@code letters} letters complete the name of {@code operation}. */
    static boolean isComplete(int operation, int letters) {
        return operation < NAMES.length && letters == NAMES[operation].length;
    }

    static int length(int operation) {
        return NAMES[operation].length;
    }

    /** The name in upper case, as traces show it. */
    static String text(int operation) {
        return new String(NAMES[operation], StandardCharsets.US_ASCII);
    }

    /** True when the four bytes are "PUB" (any case) and a space or tab: the common case, recognised at once. */
    static boolean isPubWithSpace(int word) {
        int name = word & 0xDFDFDF00;
        int separator = word & 0xFF;
        return name == ('P' << 24 | 'U' << 16 | 'B' << 8) && (separator == ' ' || separator == '\t');
    }

    private static int firstLetter(int b) {
        return switch (upper(b)) {
            case 'P' -> AMBIGUOUS_P;
            case 'H' -> AMBIGUOUS_H;
            case 'S' -> SUB;
            case 'U' -> UNSUB;
            case 'C' -> CONNECT;
            case 'I' -> INFO;
            case '+' -> OK;
            case '-' -> ERR;
            default -> UNKNOWN;
        };
    }

    private static int secondLetter(int ambiguous, int b) {
        int letter = upper(b);
        if (ambiguous == AMBIGUOUS_P) {
            return switch (letter) {
                case 'U' -> PUB;
                case 'I' -> PING;
                case 'O' -> PONG;
                default -> UNKNOWN;
            };
        }
        return switch (letter) {
            case 'P' -> HPUB;
            case 'M' -> HMSG;
            default -> UNKNOWN;
        };
    }

    private static int upper(int b) {
        return b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
