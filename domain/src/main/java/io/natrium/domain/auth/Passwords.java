package io.natrium.domain.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * nats-server's {@code comparePasswords} for passwords and tokens: a configured bcrypt hash ({@code $2a$}, {@code $2b$},
 * {@code $2x$} or {@code $2y$} followed by a two-digit cost and {@code $}) is checked by the {@link PasswordVerifier};
 * a plain secret is compared in constant time.
 */
public final class Passwords {

    private Passwords() {
    }

    /** nats-server's {@code isBcrypt}: the prefix {@code $2[abxy]$NN$}. */
    public static boolean isBcrypt(String configured) {
        return configured.length() >= 7
                && configured.startsWith("$2")
                && "abxy".indexOf(configured.charAt(2)) >= 0
                && configured.charAt(3) == '$'
                && isAsciiDigit(configured.charAt(4))
                && isAsciiDigit(configured.charAt(5))
                && configured.charAt(6) == '$';
    }

    /** True when the client's {@code presented} secret matches the {@code configured} one. */
    public static boolean matches(String configured, String presented, PasswordVerifier verifier) {
        if (isBcrypt(configured)) {
            return verifier.matches(presented, configured);
        }
        return constantTimeEquals(configured, presented);
    }

    /**
     * Compares without stopping at the first difference, so the time taken says nothing about how much of a guess was
     * right. {@link MessageDigest#isEqual} takes time proportional to its first argument only; giving it the client's
     * bytes first keeps the configured secret's length out of the timing too.
     */
    static boolean constantTimeEquals(String configured, String presented) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                configured.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
