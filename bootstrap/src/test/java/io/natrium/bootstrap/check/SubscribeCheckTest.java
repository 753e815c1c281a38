package io.natrium.bootstrap.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --subscribe [--queue]}: plain and queue entries, wildcard subscriptions, deny filtering at delivery. */
class SubscribeCheckTest {

    private static final String CONFIG = """
            authorization {
              users = [
                {user: worker, password: w, permissions: {
                  subscribe: {allow: ["events.>", "jobs v1", "tasks.* q.*"], deny: ["events.secret"]}
                }}
                {user: spy, password: s, permissions: {subscribe: {deny: ["jobs v1"]}}}
              ]
            }
            """;

    @TempDir
    Path directory;

    @Test
    void aPlainEntryAllowsAPlainSubscription() {
        CheckRun run = CheckRun.of(directory, CONFIG, "--user", "worker", "--subscribe", "events.orders");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.lines()).containsExactly("user \"worker\" in account \"$G\" (own permissions)",
                "subscribe \"events.orders\": allowed by subscribe allow \"events.>\"");
    }

    @Test
    void aDenyEntryRefusesTheSubject() {
        CheckRun run = CheckRun.of(directory, CONFIG, "--user", "worker", "--subscribe", "events.secret");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.lines()).contains("subscribe \"events.secret\": denied by subscribe deny \"events.secret\"");
    }

    @Test
    void anAllowedWildcardSubscriptionIsToldWhatItWillNotReceive() {
        CheckRun run = CheckRun.of(directory, CONFIG, "--user", "worker", "--subscribe", "events.*");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.lines()).containsExactly("user \"worker\" in account \"$G\" (own permissions)",
                "subscribe \"events.*\": allowed by subscribe allow \"events.>\"",
                "  note: messages on subjects that subscribe deny \"events.secret\" matches are not delivered to it");
    }

    @Test
    void queueEntriesAdmitTheirQueueGroupsOnly() {
        assertThat(CheckRun.of(directory, CONFIG, "--user", "worker", "--subscribe", "jobs", "--queue", "v1")
                .lines()).contains("subscribe \"jobs\" queue \"v1\": allowed by subscribe allow \"jobs v1\"");
        CheckRun otherGroup = CheckRun.of(directory, CONFIG, "--user", "worker", "--subscribe", "jobs", "--queue",
                "v2");
        assertThat(otherGroup.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(otherGroup.lines()).contains("subscribe \"jobs\" queue \"v2\": denied: subscribe allow \"jobs v1\""
                + " limits queue subscriptions on this subject to other queue groups");
        assertThat(CheckRun.of(directory, CONFIG, "--user", "worker", "--subscribe", "jobs").lines())
                .contains("subscribe \"jobs\": denied: no subscribe allow rule matches");
    }

    @Test
    void aWildcardQueueNameCoversTheGroupsUnderIt() {
        CheckRun run = CheckRun.of(directory, CONFIG, "--user", "worker", "--subscribe", "tasks.build", "--queue",
                "q.east");

        assertThat(run.lines()).contains(
                "subscribe \"tasks.build\" queue \"q.east\": allowed by subscribe allow \"tasks.* q.*\"");
    }

    @Test
    void aQueueDenyEntryRefusesThatGroupOnly() {
        assertThat(CheckRun.of(directory, CONFIG, "--user", "spy", "--subscribe", "jobs", "--queue", "v1").lines())
                .contains("subscribe \"jobs\" queue \"v1\": denied by subscribe deny \"jobs v1\"");
        assertThat(CheckRun.of(directory, CONFIG, "--user", "spy", "--subscribe", "jobs").exitCode())
                .isEqualTo(CheckCommand.EXIT_ALLOWED);
    }

    @Test
    void theServersOwnQueueGroupIsRefusedToEveryone() {
        CheckRun run = CheckRun.of(directory, CONFIG, "--user", "spy", "--subscribe", "x", "--queue", "_sys_");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.lines()).contains("subscribe \"x\" queue \"_sys_\": denied: queue group \"_sys_\" is "
                + "reserved for the server");
    }
}
