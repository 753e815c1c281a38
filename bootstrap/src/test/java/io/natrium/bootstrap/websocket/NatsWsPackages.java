package io.natrium.bootstrap.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code nats.ws} client's packages, as pinned by {@code src/test/node/nats-ws/package-lock.json}, installed once
 * by {@code npm ci} under {@code target/nats-ws} for the tests that run it: under Node, and in a browser.
 */
final class NatsWsPackages {

    private static final Path FIXTURE = Path.of("src", "test", "node", "nats-ws");
    static final Path WORK = Path.of("target", "nats-ws");

    private NatsWsPackages() {
    }

    /** The fixture's files beside their installed packages in {@link #WORK}, installing them when missing. */
    static Path install() throws IOException, InterruptedException {
        ExternalTools.requireOrAssume(onPath("node") && onPath("npm"), "node and npm are needed to run nats.ws");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
            Files.copy(FIXTURE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        // Both tests may ask in one run: the check and the install must not interleave.
        synchronized (NatsWsPackages.class) {
            if (!Files.isDirectory(WORK.resolve("node_modules").resolve("nats.ws"))) {
                npmCi();
            }
        }
        return WORK;
    }

    /** The browser build of nats.ws: one self-contained ES module. */
    static Path browserModule() throws IOException, InterruptedException {
        return install().resolve("node_modules").resolve("nats.ws").resolve("esm").resolve("nats.js");
    }

    private static void npmCi() throws IOException, InterruptedException {
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WORK.toFile())
                .redirectErrorStream(true).redirectOutput(WORK.resolve("npm-ci.log").toFile()).start();
        boolean done = npm.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            npm.destroyForcibly();
        }
        assertThat(done && npm.exitValue() == 0).as("npm ci in %s (log npm-ci.log): %s", WORK,
                Files.exists(WORK.resolve("npm-ci.log")) ? Files.readString(WORK.resolve("npm-ci.log")) : "")
                .isTrue();
    }

    static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
