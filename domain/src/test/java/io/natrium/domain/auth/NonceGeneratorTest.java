package io.natrium.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NonceGeneratorTest {

    @Test
    void elevenRandomBytesInUnpaddedBase64Url() {
        NonceGenerator generator = new NonceGenerator(bytes -> {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (0xF0 + i);
            }
        });

        String nonce = generator.next();

        assertThat(nonce).hasSize(NonceGenerator.LENGTH).isEqualTo("8PHy8_T19vf4-fo");
    }

    @Test
    void theSecureGeneratorGivesDistinctUrlSafeNonces() {
        NonceGenerator generator = NonceGenerator.secure();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String nonce = generator.next();
            assertThat(nonce).hasSize(15).matches("[A-Za-z0-9_-]+");
            seen.add(nonce);
        }
        assertThat(seen).hasSize(100);
    }
}
