package io.natrium.bootstrap.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --map}: the account's mappings, or the top-level ones for {@code $G}. */
class MapCheckTest {

    private static final String CONFIG = """
            mappings = {
              "orders.*.*": "shipped.{{wildcard(2)}}.$1"
              "canary": [{destination: "canary.v2", weight: 20%}, {destination: "canary.v1", weight: 30%}]
              "lossy": [{destination: "lossy", weight: 60%}]
            }
            accounts {
              ACME: {users: [{user: carol, password: c}], mappings: {"in.>": "out.>"}}
            }
            authorization {users = [{user: alice, password: a}]}
            """;

    @TempDir
    Path directory;

    @Test
    void aWildcardFunctionRearrangesTheTokens() {
        CheckRun run = CheckRun.of(directory, CONFIG, "--user", "alice", "--map", "orders.eu.42");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.lines()).containsExactly("user \"alice\" in account \"$G\" (no permissions)",
                "map \"orders.eu.42\": \"shipped.42.eu\" by mapping \"orders.*.*\" -> "
                        + "\"shipped.{{wildcard(2)}}.$1\"");
    }

    @Test
    void aWeightedMappingListsItsSharesAndTheRemainder() {
        CheckRun run = CheckRun.of(directory, CONFIG, "--account", "$G", "--map", "canary");

        assertThat(run.lines()).containsExactly("account \"$G\", a user without permissions of its own "
                        + "(no permissions)",
                "map \"canary\": one subject drawn at random per message by mapping \"canary\":",
                "   20% \"canary.v2\"",
                "   30% \"canary.v1\"",
                "   50% \"canary\"");
    }

    @Test
    void listingTheSourceAsADestinationDropsTheRest() {
        CheckRun run = CheckRun.of(directory, CONFIG, "--user", "alice", "--map", "lossy");

        assertThat(run.lines()).contains("   60% \"lossy\"", "   40% dropped (delivered nowhere)");
    }

    @Test
    void anAccountUsesItsOwnMappingsNotTheTopLevelOnes() {
        assertThat(CheckRun.of(directory, CONFIG, "--user", "carol", "--map", "in.a.b").lines())
                .containsExactly("user \"carol\" in account \"ACME\" (no permissions)",
                        "map \"in.a.b\": \"out.a.b\" by mapping \"in.>\" -> \"out.>\"");
        assertThat(CheckRun.of(directory, CONFIG, "--account", "ACME", "--map", "canary").lines())
                .contains("map \"canary\": unchanged, no mapping of account \"ACME\" matches");
    }

    @Test
    void anUnmappedSubjectIsUnchanged() {
        CheckRun run = CheckRun.of(directory, CONFIG, "--user", "alice", "--map", "orders.eu");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.lines()).contains("map \"orders.eu\": unchanged, no mapping of account \"$G\" matches");
    }
}
