package io.natrium.bootstrap.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.AuthHandler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The full resolver's directory outlives the server: account JWTs pushed over {@code $SYS} are there after a restart,
 * and the directory is nats-server's, so either server takes over what the other wrote.
 */
class FullResolverRestartIT {

    private static final Duration NATRIUM_START = Duration.ofSeconds(180);
    private static final Duration REFERENCE_START = Duration.ofSeconds(10);

    @Test
    void pushedJwtsSurviveARestartAndEitherServerReadsTheOthersDirectory() throws Exception {
        Path dir = Files.createTempDirectory("natrium-resolver-restart-");
        OperatorFixture fixture = new OperatorFixture(dir);
        Path jwts = dir.resolve("jwt");
        List<String> arguments = fixture.fullResolverArguments("full", jwts, Map.of());
        TestNKey pushed = TestNKey.account();
        AuthHandler pushedUser = fixture.newUser(pushed);
        TestNKey later = TestNKey.account();
        AuthHandler laterUser = fixture.newUser(later);

        try (ServerProcess natrium = ServerProcess.start(ServerProcess.natriumLauncher(), arguments, NATRIUM_START)) {
            assertThat(fixture.outcome(natrium, pushedUser)).startsWith("refused");
            assertThat(fixture.request(natrium, "$SYS.REQ.CLAIMS.UPDATE", fixture.account(pushed, "PUSHED", Map.of())))
                    .contains("\"message\":\"jwt updated\"");
            assertThat(fixture.outcome(natrium, pushedUser)).isEqualTo("connected");
        }
        assertThat(jwts.resolve(pushed.publicKey() + ".jwt")).exists();

        try (ServerProcess natrium = ServerProcess.start(ServerProcess.natriumLauncher(), arguments, NATRIUM_START)) {
            assertThat(fixture.outcome(natrium, pushedUser)).as("after a restart").isEqualTo("connected");
        }

        try (ServerProcess reference = ServerProcess.start(ExternalTools.natsServer(), arguments, REFERENCE_START)) {
            assertThat(fixture.outcome(reference, pushedUser)).as("nats-server on Natrium's directory")
                    .isEqualTo("connected");
            assertThat(fixture.request(reference, "$SYS.REQ.CLAIMS.UPDATE", fixture.account(later, "LATER",
                    Map.of()))).contains("\"message\":\"jwt updated\"");
        }

        try (ServerProcess natrium = ServerProcess.start(ServerProcess.natriumLauncher(), arguments, NATRIUM_START)) {
            assertThat(fixture.outcome(natrium, laterUser)).as("Natrium on nats-server's directory")
                    .isEqualTo("connected");
            assertThat(fixture.outcome(natrium, pushedUser)).isEqualTo("connected");
        }
    }
}
