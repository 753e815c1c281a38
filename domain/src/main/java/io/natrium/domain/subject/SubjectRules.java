package io.natrium.domain.subject;

/**
 * The token rules shared by {@link Subject}, {@link SubjectFilter} and {@link SubjectView}. They are written once
 * against {@link CharSequence}: every character they look for ({@code . * >} and whitespace) is ASCII, so a
 * sequence of raw UTF-8 bytes can be checked through the same code without decoding it.
 */
final class SubjectRules {

    static final char SEPARATOR = '.';
    static final char SINGLE_WILDCARD = '*';
    static final char FULL_WILDCARD = '>';

    private SubjectRules() {
    }

    /** nats-server's {@code IsValidSubject}: no empty token, {@code >} only last, no whitespace. */
    static boolean isValidFilter(CharSequence subject) {
        int length = subject.length();
        if (length == 0) {
            return false;
        }
        int tokenStart = 0;
        boolean fullWildcardSeen = false;
        for (int i = 0; i <= length; i++) {
            if (i == length || subject.charAt(i) == SEPARATOR) {
                int tokenLength = i - tokenStart;
                if (tokenLength == 0 || fullWildcardSeen) {
                    return false;
                }
                if (tokenLength == 1 && subject.charAt(tokenStart) == FULL_WILDCARD) {
                    fullWildcardSeen = true;
                }
                tokenStart = i + 1;
            } else if (isWhitespace(subject.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * nats-server's {@code IsValidLiteralSubject}: no empty token and no wildcard token. Like the original it does not
     * look for whitespace; {@link #isValidFilter} does.
     */
    static boolean isValidLiteral(CharSequence subject) {
        int length = subject.length();
        int tokenStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || subject.charAt(i) == SEPARATOR) {
                int tokenLength = i - tokenStart;
                if (tokenLength == 0 || tokenLength == 1 && isWildcard(subject.charAt(tokenStart))) {
                    return false;
                }
                tokenStart = i + 1;
            }
        }
        return true;
    }

    /** True when no token is a wildcard; says nothing about validity otherwise. */
    static boolean isLiteral(CharSequence subject) {
        int length = subject.length();
        for (int i = 0; i < length; i++) {
            char c = subject.charAt(i);
            if (isWildcard(c)
                    && (i == 0 || subject.charAt(i - 1) == SEPARATOR)
                    && (i == length - 1 || subject.charAt(i + 1) == SEPARATOR)) {
                return false;
            }
        }
        return true;
    }

    static int tokenCount(CharSequence subject) {
        int length = subject.length();
        if (length == 0) {
            return 0;
        }
        int separators = 0;
        for (int i = 0; i < length; i++) {
            if (subject.charAt(i) == SEPARATOR) {
                separators++;
            }
        }
        return separators + 1;
    }

    static boolean isWildcard(char c) {
        return c == SINGLE_WILDCARD || c == FULL_WILDCARD;
    }

    /** The whitespace nats-server refuses inside a subject; vertical tab is deliberately not among them. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
