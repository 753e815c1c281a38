package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JavaScript client's packages for the tests that run it with Node: a fixture directory under
 * {@code src/test/node} holds its {@code package.json}, pinned {@code package-lock.json} and scripts; they are copied
 * under {@code target} and the packages installed there once by {@code npm ci} from the npm registry.
 */
public final class NodePackages {

    private NodePackages() {
    }

    /**
     * The fixture {@code name}'s files beside their installed packages in {@code target/<name>}, installing them
     * when the package {@code installed} is missing; a test without node and npm is skipped (or fails where the
     * build requires every tool).
     */
    public static Path install(String name, List<String> files, String installed)
            throws IOException, InterruptedException {
        ExternalTools.requireOrAssume(onPath("node") && onPath("npm"), "node and npm are needed to run " + name);
        Path fixture = Path.of("src", "test", "node", name);
        Path work = Path.of("target", name);
        Files.createDirectories(work);
        for (String file : files) {
            Files.copy(fixture.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        // Several tests may ask in one run: the check and the install must not interleave.
        synchronized (NodePackages.class) {
            if (!Files.isDirectory(work.resolve("node_modules").resolve(installed))) {
                npmCi(work);
            }
        }
        return work;
    }

    private static void npmCi(Path work) throws IOException, InterruptedException {
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("npm-ci.log").toFile()).start();
        boolean done = npm.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            npm.destroyForcibly();
        }
        assertThat(done && npm.exitValue() == 0).as("npm ci in %s (log npm-ci.log): %s", work,
                Files.exists(work.resolve("npm-ci.log")) ? Files.readString(work.resolve("npm-ci.log")) : "")
                .isTrue();
    }

    /** The client's next line of output, which must come within {@code timeout}. */
    public static String nextLine(BufferedReader out, Duration timeout) throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(line).as("a line from the client").isNotNull();
        return line;
    }

    public static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
