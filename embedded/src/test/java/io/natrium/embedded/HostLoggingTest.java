package io.natrium.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An application that embeds Natrium and configures Logback itself keeps its logging: Natrium's lines go through
 * the application's {@code logback.xml}. Without one, Natrium's nats-server-style lines are the default. Each case
 * runs in a JVM of its own, since Logback configures itself once per JVM.
 */
class HostLoggingTest {

    private static final String HOST_CONFIGURATION = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>HOST %level %logger{0} %msg%n</pattern></encoder>
              </appender>
              <root level="INFO"><appender-ref ref="OUT"/></root>
            </configuration>
            """;

    @Test
    void anApplicationsOwnLogbackConfigurationRulesItsLogging(@TempDir Path resources) throws Exception {
        Files.writeString(resources.resolve("logback.xml"), HOST_CONFIGURATION);

        String output = runEmbeddingApplication(resources);

        assertThat(output).contains("HOST INFO NatriumServer Server is ready")
                .contains("HOST INFO application the application's own line")
                .doesNotContain("[INF] Server is ready");
    }

    @Test
    void withoutOneNatriumLogsAsNatsServerDoes(@TempDir Path resources) throws Exception {
        String output = runEmbeddingApplication(resources);

        assertThat(output).containsPattern("\\[\\d+\\] \\d{4}/\\d\\d/\\d\\d [\\d:.]+ \\[INF\\] Server is ready")
                .doesNotContain("HOST ");
    }

    /** Runs {@link EmbeddingApplication} with {@code resources} first on the class path; returns all it printed. */
    private static String runEmbeddingApplication(Path resources) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                resources + File.pathSeparator + System.getProperty("java.class.path"),
                EmbeddingApplication.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the application finished").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    /** An application that starts an embedded server, logs a line of its own and stops. */
    public static final class EmbeddingApplication {

        public static void main(String[] args) {
            try (NatriumServer server = NatriumServer.start()) {
                LoggerFactory.getLogger("application").info("the application's own line");
            }
        }
    }
}
