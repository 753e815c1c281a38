package io.natrium.domain.auth;

/**
 * Checks a password or token against a bcrypt hash. The domain has no bcrypt implementation (it may not depend on a
 * library), so the caller supplies one; plain secrets never reach it ({@link Passwords}).
 */
@FunctionalInterface
public interface PasswordVerifier {

    /**
     * True when {@code presented} hashes to {@code bcryptHash}; false for a wrong password and for a hash the
     * implementation cannot read.
     */
    boolean matches(String presented, String bcryptHash);

    /** A verifier for configurations without bcrypt hashes: every hash fails. */
    static PasswordVerifier rejectingHashes() {
        return (presented, bcryptHash) -> false;
    }
}
