package io.natrium.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigMutatorTest {

    private static final String BASE = """
            port: -1
            ping_interval: "2m"
            authorization {
              users: [ {user: a, password: "p"} ]
            }
            """;

    @Test
    void theSameSeedGivesTheSameDistinctMutantsOfEveryKind() {
        List<ConfigMutator.Mutant> mutants = new ConfigMutator(BASE, 7).mutants(30);

        assertThat(mutants).hasSize(30).isEqualTo(new ConfigMutator(BASE, 7).mutants(30))
                .isNotEqualTo(new ConfigMutator(BASE, 8).mutants(30));
        assertThat(mutants).extracting(ConfigMutator.Mutant::text).doesNotHaveDuplicates().doesNotContain(BASE);
        assertThat(mutants).extracting(mutant -> mutant.description().split(" ")[0]).contains("delete", "double",
                "empty", "negative", "other", "unknown", "duration", "edge", "key");
        assertThat(mutants).filteredOn(mutant -> mutant.description().startsWith("duration"))
                .allSatisfy(mutant -> assertThat(mutant.text()).contains("ping_interval: 120"));
    }
}
