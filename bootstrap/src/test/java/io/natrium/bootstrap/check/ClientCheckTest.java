package io.natrium.bootstrap.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who the client is: users of accounts, nkey, token and single users, accounts; and what cannot be answered. */
class ClientCheckTest {

    /** The nkey of the NATS documentation's examples. */
    private static final String NKEY = "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4";

    private static final String ACCOUNTS = """
            accounts {
              ACME: {
                default_permissions: {publish: {allow: ["acme.>"]}}
                users: [
                  {user: carol, password: c}
                  {user: dan, password: d, permissions: {publish: {deny: ["acme.secret"]}}}
                  {nkey: %s, permissions: {publish: "keys.>"}}
                ]
              }
              EMPTY: {}
            }
            """.formatted(NKEY);

    @TempDir
    Path directory;

    @Test
    void aUserOfAnAccountLandsThereWithItsDefaults() {
        CheckRun run = CheckRun.of(directory, ACCOUNTS, "--user", "carol", "--publish", "acme.orders");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.lines()).containsExactly(
                "user \"carol\" in account \"ACME\" (default_permissions of account \"ACME\")",
                "publish \"acme.orders\": allowed by publish allow \"acme.>\"");
    }

    @Test
    void ownPermissionsReplaceTheAccountDefaults() {
        CheckRun run = CheckRun.of(directory, ACCOUNTS, "--user", "dan", "--publish", "elsewhere");

        assertThat(run.lines()).containsExactly("user \"dan\" in account \"ACME\" (own permissions)",
                "publish \"elsewhere\": allowed: no publish deny rule matches and there is no allow list");
    }

    @Test
    void anNKeyUserIsFoundByItsPublicKey() {
        CheckRun run = CheckRun.of(directory, ACCOUNTS, "--nkey", NKEY, "--publish", "acme.orders");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.lines()).containsExactly("nkey user " + NKEY + " in account \"ACME\" (own permissions)",
                "publish \"acme.orders\": denied: no publish allow rule matches");
    }

    @Test
    void anAccountStandsForAUserWithoutPermissionsOfItsOwn() {
        assertThat(CheckRun.of(directory, ACCOUNTS, "--account", "ACME", "--publish", "x").lines()).containsExactly(
                "account \"ACME\", a user without permissions of its own (default_permissions of account \"ACME\")",
                "publish \"x\": denied: no publish allow rule matches");
        assertThat(CheckRun.of(directory, ACCOUNTS, "--account", "EMPTY", "--subscribe", ">").lines())
                .contains("subscribe \">\": allowed: no subscribe permissions");
    }

    @Test
    void theTokenAndTheSingleUserAreInTheGlobalAccountWithoutPermissions() {
        assertThat(CheckRun.of(directory, "authorization {token: s3cr3t}", "--token", "--publish", "x").lines())
                .containsExactly("token client in account \"$G\" (no permissions)",
                        "publish \"x\": allowed: no publish permissions");
        assertThat(CheckRun.of(directory, "authorization {user: admin, password: pw}", "--user", "admin",
                "--subscribe", ">").lines()).first().isEqualTo(
                        "user \"admin\" (the authorization block's single user) in account \"$G\" (no permissions)");
    }

    @Test
    void anUnknownUserIsAnErrorNotADenial() {
        CheckRun run = CheckRun.of(directory, ACCOUNTS, "--user", "mallory", "--publish", "x");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("natrium check: unknown user \"mallory\"" + System.lineSeparator());
    }

    @Test
    void withoutUsersTheErrorPointsAtTheGlobalAccount() {
        CheckRun run = CheckRun.of(directory, "port: 4222", "--user", "anyone", "--publish", "x");

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ERROR);
        assertThat(run.err()).contains("unknown user \"anyone\"", "use --account '$G'");
    }

    @Test
    void unknownNKeysTokensAndAccountsAreErrorsToo() {
        assertThat(CheckRun.of(directory, ACCOUNTS, "--nkey", "UNKNOWN", "--publish", "x").err())
                .contains("unknown nkey user \"UNKNOWN\"");
        assertThat(CheckRun.of(directory, ACCOUNTS, "--token", "--publish", "x").err())
                .contains("the configuration has no authorization token");
        CheckRun account = CheckRun.of(directory, ACCOUNTS, "--account", "NOPE", "--map", "x");
        assertThat(account.exitCode()).isEqualTo(CheckCommand.EXIT_ERROR);
        assertThat(account.err()).contains("unknown account \"NOPE\"");
    }

    @Test
    void configurationErrorsArePrintedAsTheServerPrintsThemAtStartup() {
        Path file = CheckRun.write(directory, "port: \"x\"\n");

        CheckRun run = CheckRun.capture((out, err) -> new CheckCommand(out, err).run(
                List.of("-c", file.toString(), "--user", "a", "--publish", "x")));

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("nats-server: " + file + ":1:1: ");
    }

    @Test
    void aMissingFileIsAConfigurationError() {
        CheckRun run = CheckRun.capture((out, err) -> new CheckCommand(out, err).run(
                List.of("-c", directory.resolve("missing.conf").toString(), "--user", "a", "--publish", "x")));

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ERROR);
        assertThat(run.err()).startsWith("nats-server: ");
    }

    @Test
    void noArgumentsIsAUsageError() {
        CheckRun run = CheckRun.capture((out, err) -> new CheckCommand(out, err).run(List.of()));

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Usage: natrium check");
    }

    @Test
    void helpDocumentsTheExitStatus() {
        CheckRun run = CheckRun.capture((out, err) -> new CheckCommand(out, err).run(List.of("--help")));

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.out()).startsWith("Usage: natrium check -c FILE")
                .contains("0   allowed", "1   denied", "2   usage error");
    }
}
