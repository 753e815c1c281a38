package io.natrium.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigParser;
import io.natrium.adapter.config.syntax.ParseResult;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The parser and the mapper together: keys that only define variables are not unknown fields. */
class VariablesAndMappingTest {

    @Test
    void aKeyUsedAsAVariableIsNotAnUnknownField() {
        ParseResult parsed = ConfigParser.parseText("""
                TOKEN: s3cr3t
                PORT = 4333
                port: $PORT
                authorization { token: $TOKEN }
                """, Map.<String, String>of()::get);
        MappedSettings mapped = SettingsMapper.map(parsed.root());

        assertThat(parsed.errors()).isEmpty();
        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.settings().port()).isEqualTo(4333);
        assertThat(mapped.settings().authorization().token()).isEqualTo("s3cr3t");
    }

    @Test
    void anUnusedUnknownKeyIsStillAnError() {
        ParseResult parsed = ConfigParser.parseText("FOO = 4333\n", Map.<String, String>of()::get);

        assertThat(SettingsMapper.map(parsed.root()).errors()).extracting(Object::toString)
                .containsExactly("1:1: unknown field \"FOO\"");
    }
}
