package io.natrium.adapter.config.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parser on arbitrary input and on generated configurations. The normal test run replays the seeds under
 * {@code src/test/resources/io/natrium/adapter/config/syntax/ConfigParserFuzzTestInputs/<method>/}; to fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -B -pl adapters-config test -Dtest=ConfigParserFuzzTest -Djazzer.max_duration=60s}
 * (one method at a time with {@code -Dtest='ConfigParserFuzzTest#method'}).
 */
class ConfigParserFuzzTest {

    /** Generous: a few kilobytes parse in well under a millisecond; the bound is there to catch runaway work. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    @FuzzTest
    void anyTextGivesATreeAndPositionedErrorsWithoutThrowing(byte[] input) {
        String text = new String(input, UTF_8);

        ParseResult result = assertTimeout(TIME_LIMIT,
                () -> ConfigParser.parseText(text, ConfigGenerator.ENVIRONMENT::get));

        assertThat(result.root()).isNotNull();
        assertThat(result.digest()).matches("sha256:[0-9a-f]{64}");
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        for (ConfigError error : result.errors()) {
            assertThat(error.position().file()).isEmpty();
            assertThat(error.position().line()).isBetween(1, (int) lines);
            assertThat(error.position().column()).isPositive();
            assertThat(error.message()).isNotBlank();
        }
        ParseResult again = ConfigParser.parseText(text, ConfigGenerator.ENVIRONMENT::get);
        assertThat(again.errors()).isEqualTo(result.errors());
        assertThat(again.digest()).isEqualTo(result.digest());
    }

    @FuzzTest
    void generatedConfigurationsReadAsTheyWereWritten(FuzzedDataProvider data) {
        ConfigGenerator.Generated generated = ConfigGenerator.generate(data);

        ParseResult result = assertTimeout(TIME_LIMIT,
                () -> ConfigParser.parseText(generated.text(), ConfigGenerator.ENVIRONMENT::get));

        assertThat(result.errors()).as("errors in\n%s", generated.text()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> actual = (Map<String, Object>) TreeDump.plain(result.root());
        assertThat(actual).as("values of\n%s", generated.text()).isEqualTo(generated.expected());
        List<String> order = new ArrayList<>(actual.keySet());
        assertThat(order).as("key order of\n%s", generated.text()).isEqualTo(List.copyOf(generated.expected().keySet()));
    }
}
