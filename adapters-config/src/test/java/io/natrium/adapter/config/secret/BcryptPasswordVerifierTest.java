package io.natrium.adapter.config.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptPasswordVerifierTest {

    /** The known vector of Go's x/crypto/bcrypt tests, the library nats-server compares with. */
    private static final String GO_VECTOR = "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga";
    /** A published vector whose password is longer than the 72 bytes bcrypt reads. */
    private static final String LONG_PASSWORD = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "chars after 72 are ignored";
    private static final String LONG_VECTOR = "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui";

    private final BcryptPasswordVerifier verifier = new BcryptPasswordVerifier();

    @Test
    void acceptsTheRightPasswordAndRefusesAWrongOne() {
        String hash = hash("correct horse", 'a');

        assertThat(verifier.matches("correct horse", hash)).isTrue();
        assertThat(verifier.matches("correct hors", hash)).isFalse();
        assertThat(verifier.matches("", hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'a', 'b', 'y'})
    void readsEveryVersionPrefixNatsServerAccepts(char version) {
        String hash = hash("pw", version);

        assertThat(hash).startsWith("$2" + version + "$");
        assertThat(verifier.matches("pw", hash)).isTrue();
        assertThat(verifier.matches("px", hash)).isFalse();
    }

    @Test
    void aHashThatCannotBeReadIsAMismatchNotAnError() {
        assertThat(verifier.matches("pw", "$2a$11$short")).isFalse();
        assertThat(verifier.matches("pw", "not a hash at all")).isFalse();
    }

    @Test
    void agreesWithGosBcryptOnItsKnownVector() {
        assertThat(verifier.matches("allmine", GO_VECTOR)).isTrue();
        assertThat(verifier.matches("allmind", GO_VECTOR)).isFalse();
    }

    @Test
    void readsOnlyTheFirst72BytesOfALongPasswordAsGoDoes() {
        assertThat(verifier.matches(LONG_PASSWORD, LONG_VECTOR)).isTrue();
        assertThat(verifier.matches(LONG_PASSWORD.substring(0, 72) + "anything else", LONG_VECTOR)).isTrue();
        assertThat(verifier.matches(LONG_PASSWORD.substring(0, 71), LONG_VECTOR)).isFalse();
    }

    private static String hash(String password, char version) {
        at.favre.lib.crypto.bcrypt.BCrypt.Version v = switch (version) {
            case 'b' -> at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2B;
            case 'y' -> at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2Y;
            default -> at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2A;
        };
        return at.favre.lib.crypto.bcrypt.BCrypt.with(v).hashToString(4, password.toCharArray());
    }
}
