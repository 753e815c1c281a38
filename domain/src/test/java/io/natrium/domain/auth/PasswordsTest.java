package io.natrium.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Password and token comparison. Plain secrets are compared with {@link java.security.MessageDigest#isEqual}, which
 * does not stop at the first differing byte; timing is not asserted here (it would be flaky), the tests pin the
 * behaviour and that plain secrets never reach the bcrypt verifier.
 */
class PasswordsTest {

    private static final String HASH = "$2a$11$dkqPS9R0Rp4zZ3eLt1g2DOGo44kMuUrUbUCzgnkz9WmKX2kJKGGpW";

    private final List<String> verified = new ArrayList<>();
    private final PasswordVerifier verifier = (presented, hash) -> {
        verified.add(presented + " vs " + hash);
        return presented.equals("right");
    };

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "$2a$11$abc, true",
        "$2b$04$abc, true",
        "$2x$10$, true",
        "$2y$31$x, true",
        "$2c$10$abc, false",
        "$2a$1$abc, false",
        "$2a$1x$abc, false",
        "$2a$10abc, false",
        "$3a$10$abc, false",
        "2a$10$abc, false",
        "plain, false",
        "'', false",
    })
    void recognisesBcryptHashesByTheirPrefix(String configured, boolean bcrypt) {
        assertThat(Passwords.isBcrypt(configured)).isEqualTo(bcrypt);
    }

    @Test
    void bcryptHashesGoToTheVerifier() {
        assertThat(Passwords.matches(HASH, "right", verifier)).isTrue();
        assertThat(Passwords.matches(HASH, "wrong", verifier)).isFalse();

        assertThat(verified).containsExactly("right vs " + HASH, "wrong vs " + HASH);
    }

    @Test
    void plainSecretsAreComparedHereAndNeverReachTheVerifier() {
        assertThat(Passwords.matches("s3cret", "s3cret", verifier)).isTrue();
        assertThat(Passwords.matches("s3cret", "s3creT", verifier)).isFalse();
        assertThat(Passwords.matches("s3cret", "s3cre", verifier)).isFalse();
        assertThat(Passwords.matches("s3cret", "s3crets", verifier)).isFalse();
        assertThat(Passwords.matches("s3cret", "", verifier)).isFalse();
        assertThat(Passwords.matches("", "", verifier)).isTrue();
        assertThat(Passwords.matches("", "x", verifier)).isFalse();
        assertThat(Passwords.matches("pässwörd", "pässwörd", verifier)).isTrue();

        assertThat(verified).isEmpty();
    }

    @Test
    void aPlainSecretThatLooksLikeAHashPrefixIsStillPlain() {
        assertThat(Passwords.matches("$2a$", "$2a$", verifier)).isTrue();
        assertThat(verified).isEmpty();
    }

    @Test
    void theConstantTimeComparisonAgreesWithEquals() {
        String[] values = {"", "a", "ab", "abc", "abd", "b", "ab\u0000", "é"};
        for (String configured : values) {
            for (String presented : values) {
                assertThat(Passwords.constantTimeEquals(configured, presented))
                        .as("%s vs %s", configured, presented).isEqualTo(configured.equals(presented));
            }
        }
    }

    @Test
    void theRejectingVerifierRefusesEveryHash() {
        assertThat(Passwords.matches(HASH, "anything", PasswordVerifier.rejectingHashes())).isFalse();
    }
}
