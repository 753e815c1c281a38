package io.natrium.bootstrap.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --publish}: the decision, the rule that made it, and the mappings the server applies first. */
class PublishCheckTest {

    private static final String USERS = """
            authorization {
              users = [
                {user: alice, password: a, permissions: {
                  publish: {allow: ["foo.>", "orders.*.eu"], deny: ["foo.secret", "foo.*.private"]}
                }}
                {user: bob, password: b, permissions: {publish: {deny: ["admin.>"]}}}
                {user: carol, password: c}
                {user: dave, password: d, permissions: {publish: "reports.*", allow_responses: true}}
              ]
            }
            """;

    @TempDir
    Path directory;

    @Test
    void anAllowEntryAllows() {
        CheckRun run = CheckRun.of(directory, USERS, "--user", "alice", "--publish", "foo.bar");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.lines()).containsExactly("user \"alice\" in account \"$G\" (own permissions)",
                "publish \"foo.bar\": allowed by publish allow \"foo.>\"");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void denyWinsOverAWiderAllow() {
        CheckRun run = CheckRun.of(directory, USERS, "--user", "alice", "--publish", "foo.secret");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.lines()).contains("publish \"foo.secret\": denied by publish deny \"foo.secret\"");
    }

    @Test
    void wildcardEntriesMatchTokensAsTheServerDoes() {
        assertThat(CheckRun.of(directory, USERS, "--user", "alice", "--publish", "foo.x.private").lines())
                .contains("publish \"foo.x.private\": denied by publish deny \"foo.*.private\"");
        assertThat(CheckRun.of(directory, USERS, "--user", "alice", "--publish", "orders.42.eu").lines())
                .contains("publish \"orders.42.eu\": allowed by publish allow \"orders.*.eu\"");
        assertThat(CheckRun.of(directory, USERS, "--user", "alice", "--publish", "orders.42.us").lines())
                .contains("publish \"orders.42.us\": denied: no publish allow rule matches");
        assertThat(CheckRun.of(directory, USERS, "--user", "alice", "--publish", "foo").exitCode())
                .isEqualTo(CheckCommand.EXIT_DENIED);
    }

    @Test
    void aDenyListAloneAllowsTheRest() {
        CheckRun allowed = CheckRun.of(directory, USERS, "--user", "bob", "--publish", "news");
        CheckRun denied = CheckRun.of(directory, USERS, "--user", "bob", "--publish", "admin.users");

        assertThat(allowed.lines()).contains(
                "publish \"news\": allowed: no publish deny rule matches and there is no allow list");
        assertThat(denied.lines()).contains("publish \"admin.users\": denied by publish deny \"admin.>\"");
    }

    @Test
    void aUserWithoutPermissionsMayPublishAnything() {
        CheckRun run = CheckRun.of(directory, USERS, "--user", "carol", "--publish", "anything.at.all");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.lines()).containsExactly("user \"carol\" in account \"$G\" (no permissions)",
                "publish \"anything.at.all\": allowed: no publish permissions");
    }

    @Test
    void allowResponsesIsMentionedWhenPublishingIsDenied() {
        CheckRun run = CheckRun.of(directory, USERS, "--user", "dave", "--publish", "_INBOX.abc");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.lines()).contains("publish \"_INBOX.abc\": denied: no publish allow rule matches",
                "  note: allow_responses also lets it publish to the reply subjects of requests it receives");
    }

    @Test
    void defaultPermissionsApplyToUsersWithoutTheirOwn() {
        CheckRun run = CheckRun.of(directory, """
                authorization {
                  default_permissions = {publish: {allow: "public.>"}}
                  users = [{user: erin, password: e}, {user: frank, password: f, permissions: {publish: ">"}}]
                }
                """, "--user", "erin", "--publish", "private.x");

        assertThat(run.lines()).containsExactly(
                "user \"erin\" in account \"$G\" (default_permissions of authorization)",
                "publish \"private.x\": denied: no publish allow rule matches");
    }

    @Test
    void theAccountsMappingIsAppliedBeforeThePermissions() {
        // nats-server 2.9.10 delivers a PUB to "foo" on "bar" for a user allowed only "bar": mapping comes first.
        CheckRun run = CheckRun.of(directory, """
                mappings = {"foo": "bar"}
                authorization {users = [{user: u, password: p, permissions: {publish: {allow: ["bar"]}}}]}
                """, "--user", "u", "--publish", "foo");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.lines()).containsExactly("user \"u\" in account \"$G\" (own permissions)",
                "publish \"foo\" is mapped by mapping \"foo\" -> \"bar\"; permissions apply to the mapped subject:",
                "  \"bar\": allowed by publish allow \"bar\"");
    }

    @Test
    void aWeightedMappingIsAllowedOnlyWhenEverySubjectItMayProduceIs() {
        CheckRun run = CheckRun.of(directory, """
                mappings = {"jobs": [{destination: "jobs.v2", weight: 10%}]}
                authorization {users = [{user: u, password: p, permissions: {publish: "jobs.v2"}}]}
                """, "--user", "u", "--publish", "jobs");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.lines()).containsExactly("user \"u\" in account \"$G\" (own permissions)",
                "publish \"jobs\" is mapped by mapping \"jobs\", one subject drawn at random per message;"
                        + " permissions apply to the mapped subject:",
                "   10% \"jobs.v2\": allowed by publish allow \"jobs.v2\"",
                "   90% \"jobs\": denied: no publish allow rule matches");
    }

    @Test
    void aWildcardIsNotASubjectToPublishTo() {
        CheckRun run = CheckRun.of(directory, USERS, "--user", "alice", "--publish", "foo.*");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("natrium check: not a subject one can publish to: \"foo.*\"");
    }
}
