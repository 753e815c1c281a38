package io.natrium.bootstrap.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code natrium check --jwt/--creds}: a user JWT decoded and judged offline, alone or against a configuration. */
class JwtCheckTest {

    private static final TestNKey OPERATOR = TestNKey.operator();
    private static final TestNKey ACCOUNT = TestNKey.account();
    private static final TestNKey REVOKED = TestNKey.user();

    @TempDir
    Path dir;

    @Test
    void aCredsFileIsDecodedAndValid() throws Exception {
        TestNKey user = TestNKey.user();
        Path creds = creds(TestJwt.user(ACCOUNT, user, "alice", TestJwt.unlimitedUser(), 0), user);

        CheckRun run = run("--creds", creds.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(run.lines()).contains("user \"alice\" " + user.publicKey() + " of account " + ACCOUNT.publicKey()
                + ", issued by " + ACCOUNT.publicKey(), "valid now", "seed: the user's key");
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("claims: {\"jti\":")
                .contains("\"name\":\"alice\"", "\"nats\":{\"pub\":{},\"sub\":{},\"subs\":-1,\"data\":-1,"
                        + "\"payload\":-1,\"type\":\"user\",\"version\":2}"));
    }

    @Test
    void anExpiredJwtIsNotValidInTheLibrarysWords() {
        String jwt = TestJwt.user(ACCOUNT, TestNKey.user(), "late", TestJwt.unlimitedUser(),
                Instant.now().getEpochSecond() - 10);

        CheckRun run = run("--jwt", jwt);

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.lines()).contains("not valid: claim is expired");
    }

    @Test
    void aForgedJwtDoesNotDecode() throws Exception {
        String jwt = TestJwt.user(ACCOUNT, TestNKey.user(), "x", TestJwt.unlimitedUser(), 0);
        Path file = Files.writeString(dir.resolve("forged.jwt"), jwt.substring(0, jwt.lastIndexOf('.')) + ".AAAA");

        CheckRun run = run("--jwt", file.toString());

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(run.lines()).containsExactly("User JWT not valid: claim failed V2 signature verification");
    }

    @Test
    void anOperatorModeConfigurationDecidesAsTheServerWould() throws Exception {
        String config = """
                operator: "%s"
                resolver: MEMORY
                resolver_preload: { %s: "%s" }
                """.formatted(TestJwt.operator(OPERATOR, "ops", Map.of()), ACCOUNT.publicKey(),
                TestJwt.account(OPERATOR, ACCOUNT, "APP", Map.of("limits", TestJwt.unlimitedAccount(),
                        "revocations", Map.of(REVOKED.publicKey(), Instant.now().getEpochSecond() + 60))));
        Path file = Files.writeString(dir.resolve("operator.conf"), config);
        TestNKey user = TestNKey.user();
        Path good = creds(TestJwt.user(ACCOUNT, user, "good", TestJwt.unlimitedUser(), 0), user);
        Path revoked = creds(TestJwt.user(ACCOUNT, REVOKED, "gone", TestJwt.unlimitedUser(), 0), REVOKED);
        Path wrongSeed = creds(TestJwt.user(ACCOUNT, TestNKey.user(), "other", TestJwt.unlimitedUser(), 0), user);

        CheckRun in = run("--creds", good.toString(), "-c", file.toString());
        CheckRun out = run("--creds", revoked.toString(), "-c", file.toString());
        CheckRun unsigned = run("--creds", wrongSeed.toString(), "-c", file.toString());

        assertThat(in.exitCode()).as(in.err()).isEqualTo(CheckCommand.EXIT_ALLOWED);
        assertThat(in.lines()).contains("server: let in, account \"" + ACCOUNT.publicKey() + "\"");
        assertThat(out.exitCode()).isEqualTo(CheckCommand.EXIT_DENIED);
        assertThat(out.lines()).contains("server: refused: User authentication revoked");
        assertThat(unsigned.lines()).contains("seed: not the user's key, its signatures do not verify",
                "server: refused: Signature not verified");
    }

    @Test
    void aMissingFileIsAnError() {
        CheckRun run = run("--creds", dir.resolve("none.creds").toString());

        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_ERROR);
        assertThat(run.err()).startsWith("natrium check: cannot read ");
    }

    private Path creds(String jwt, TestNKey user) throws Exception {
        return TestJwt.credsFile(Files.createTempFile(dir, "user-", ".creds"), jwt, user);
    }

    private static CheckRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        return CheckRun.capture((out, err) -> new CheckCommand(out, err).run(all));
    }
}
