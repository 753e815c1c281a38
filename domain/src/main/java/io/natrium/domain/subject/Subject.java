package io.natrium.domain.subject;

/**
 * Rules for literal subjects, the ones messages are published to. A literal subject is a dot-separated list of
 * non-empty tokens none of which is a wildcard; {@code foo*} and {@code a>b} are literal tokens, only a whole
 * {@code *} or {@code >} token is a wildcard. Behaviour follows nats-server's {@code server/sublist.go}.
 */
public final class Subject {

    private Subject() {
    }

    /** A subject a client may publish to: valid in every respect (see {@link SubjectFilter#isValid}) and literal. */
    public static boolean isValidPublish(String subject) {
        return SubjectRules.isValidFilter(subject) && SubjectRules.isLiteral(subject);
    }

    /**
     * nats-server's {@code IsValidLiteralSubject}: no empty token and no wildcard token. Whitespace is not checked
     * here, as in nats-server; use {@link #isValidPublish} for the full check.
     */
    public static boolean isValidLiteral(String subject) {
        return SubjectRules.isValidLiteral(subject);
    }

    /** True when no token is a wildcard. An invalid subject can still be literal. */
    public static boolean isLiteral(String subject) {
        return SubjectRules.isLiteral(subject);
    }

    /**
     * The optional rune check: no NUL character and nothing that decoding invalid UTF-8 produces (the replacement
     * character U+FFFD, or a lone surrogate).
     */
    public static boolean hasValidRunes(String subject) {
        int length = subject.length();
        for (int i = 0; i < length; i++) {
            char c = subject.charAt(i);
            if (c == '\0' || c == '\uFFFD') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == length || !Character.isLowSurrogate(subject.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The number of tokens; 0 for the empty string. */
    public static int tokenCount(String subject) {
        return SubjectRules.tokenCount(subject);
    }

    /** The token at a zero-based index, or the empty string when there is no such token. */
    public static String token(String subject, int index) {
        if (index < 0) {
            return "";
        }
        int start = 0;
        for (int current = 0; current < index; current++) {
            int separator = subject.indexOf(SubjectRules.SEPARATOR, start);
            if (separator < 0) {
                return "";
            }
            start = separator + 1;
        }
        int end = subject.indexOf(SubjectRules.SEPARATOR, start);
        return subject.substring(start, end < 0 ? subject.length() : end);
    }

    /** The tokens in order; {@code ""} gives one empty token, as splitting does in nats-server. */
    public static String[] tokens(String subject) {
        String[] tokens = new String[Math.max(1, tokenCount(subject))];
        int start = 0;
        for (int i = 0; i < tokens.length - 1; i++) {
            int separator = subject.indexOf(SubjectRules.SEPARATOR, start);
            tokens[i] = subject.substring(start, separator);
            start = separator + 1;
        }
        tokens[tokens.length - 1] = subject.substring(start);
        return tokens;
    }
}
