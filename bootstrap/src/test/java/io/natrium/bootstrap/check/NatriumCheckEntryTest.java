package io.natrium.bootstrap.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.Natrium;

import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main class's dispatch: {@code check} as the first argument runs the checker, anything else is the server's. */
class NatriumCheckEntryTest {

    @TempDir
    Path directory;

    @Test
    void checkAsTheFirstArgumentRunsTheChecker() {
        Path file = CheckRun.write(directory, """
                authorization {users = [{user: alice, password: a, permissions: {publish: {deny: "foo.secret"}}}]}
                """);
        String[] args = {"check", "-c", file.toString(), "--user", "alice", "--publish", "foo.secret"};

        CheckRun run = CheckRun.capture((out, err) -> Natrium.runSubcommand(args, out, err).orElseThrow());

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.lines()).containsExactly("user \"alice\" in account \"$G\" (own permissions)",
                "publish \"foo.secret\": denied by publish deny \"foo.secret\"");
    }

    @Test
    void aFeatureTheServerWouldRefuseToRunWithoutDoesNotStopTheChecker() {
        Path file = CheckRun.write(directory, """
                tls { cert_file: "server.pem", key_file: "server.key" }
                authorization {users = [{user: alice, password: a, permissions: {publish: {deny: "foo.secret"}}}]}
                """);
        String[] args = {"check", "-c", file.toString(), "--user", "alice", "--publish", "foo.secret"};

        CheckRun run = CheckRun.capture((out, err) -> Natrium.runSubcommand(args, out, err).orElseThrow());

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theServersOwnArgumentsAreLeftToTheServer() {
        CheckRun run = CheckRun.capture((out, err) -> {
            OptionalInt status = Natrium.runSubcommand(new String[] {"-c", "check"}, out, err);
            return status.isPresent() ? status.getAsInt() : -1;
        });

        assertThat(run.exitCode()).isEqualTo(-1);
        assertThat(run.out()).isEmpty();
    }
}
