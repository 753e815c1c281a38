package io.natrium.domain.subject;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Arrays;

/**
 * Subject validation on arbitrary bytes: it never throws, and it accepts exactly what the rules say, written here a
 * second time in the plainest possible way. The normal test run replays the seeds under
 * {@code src/test/resources/io/natrium/domain/subject/SubjectFuzzTestInputs}; see docs/testing.md for fuzzing.
 */
class SubjectFuzzTest {

    @FuzzTest
    void validationAgreesWithTheSpecification(byte[] input) {
        String text = new String(input, UTF_8);
        SubjectView view = new SubjectView().wrap(input);

        assertThat(SubjectFilter.isValid(text)).isEqualTo(specValidFilter(text));
        assertThat(Subject.isValidLiteral(text)).isEqualTo(specValidLiteral(text));
        assertThat(Subject.isValidPublish(text)).isEqualTo(specValidFilter(text) && specLiteral(text));
        assertThat(view.isValidFilter()).isEqualTo(specValidFilter(text));
        assertThat(view.isValidLiteral()).isEqualTo(specValidLiteral(text));
        assertThat(view.isValidPublish()).isEqualTo(Subject.isValidPublish(text));
        assertThat(view.tokenCount()).isEqualTo(Subject.tokenCount(text));

        boolean validUtf8 = Arrays.equals(text.getBytes(UTF_8), input);
        assertThat(view.isValidUtf8()).isEqualTo(validUtf8);
        assertThat(view.hasValidRunes()).isEqualTo(validUtf8 && Subject.hasValidRunes(text));
        assertThat(view.equals(text)).isEqualTo(validUtf8);
        if (validUtf8) {
            assertThat(view.hashCode()).isEqualTo(text.hashCode());
        }
    }

    @FuzzTest
    void matchingCollisionAndSubsetNeverThrowAndAgree(FuzzedDataProvider data) {
        String first = data.consumeString(24);
        String second = data.consumeRemainingAsString();

        boolean collide = SubjectFilter.collide(first, second);
        assertThat(SubjectFilter.collide(second, first)).isEqualTo(collide);
        boolean matches = SubjectFilter.matches(first, second);
        SubjectFilter.isSubset(first, second);
        if (specValidFilter(first) && specValidFilter(second) && specLiteral(second)) {
            assertThat(collide).as("a filter matching a literal collides with it").isEqualTo(matches);
            assertThat(SubjectFilter.isSubset(second, first)).isEqualTo(matches);
        }
    }

    private static boolean specValidFilter(String text) {
        if (text.isEmpty()) {
            return false;
        }
        String[] tokens = text.split("\\.", -1);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty() || token.equals(">") && i != tokens.length - 1) {
                return false;
            }
            for (char c : token.toCharArray()) {
                if (" \t\n\r\f".indexOf(c) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean specValidLiteral(String text) {
        for (String token : text.split("\\.", -1)) {
            if (token.isEmpty() || token.equals("*") || token.equals(">")) {
                return false;
            }
        }
        return true;
    }

    private static boolean specLiteral(String text) {
        for (String token : text.split("\\.", -1)) {
            if (token.equals("*") || token.equals(">")) {
                return false;
            }
        }
        return true;
    }
}
