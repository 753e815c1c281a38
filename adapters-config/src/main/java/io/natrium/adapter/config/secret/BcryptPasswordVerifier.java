package io.natrium.adapter.config.secret;

import io.natrium.domain.auth.PasswordVerifier;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import java.nio.charset.StandardCharsets;

/**
 * Checks passwords and tokens against the bcrypt hashes of a configuration ({@code $2a$}, {@code $2b$}, {@code $2x$},
 * {@code $2y$}), as nats-server does with Go's bcrypt. A password longer than bcrypt reads is cut, not refused, as Go's
 * comparison did; a hash that cannot be read is a mismatch, never an error for the client to see.
 */
public final class BcryptPasswordVerifier implements PasswordVerifier {

    private final BCrypt.Verifyer verifier =
            BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    @Override
    public boolean matches(String presented, String bcryptHash) {
        try {
            return verifier.verify(presented.getBytes(StandardCharsets.UTF_8),
                    bcryptHash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
