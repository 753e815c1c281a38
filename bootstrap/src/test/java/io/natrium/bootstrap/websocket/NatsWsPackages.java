package io.natrium.bootstrap.websocket;

import io.natrium.bootstrap.NodePackages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code nats.ws} client's packages, as pinned by {@code src/test/node/nats-ws/package-lock.json}, installed once
 * by {@code npm ci} under {@code target/nats-ws} for the tests that run it: under Node, and in a browser.
 */
final class NatsWsPackages {

    static final Path WORK = Path.of("target", "nats-ws");

    private NatsWsPackages() {
    }

    /** The fixture's files beside their installed packages in {@link #WORK}, installing them when missing. */
    static Path install() throws IOException, InterruptedException {
        return NodePackages.install("nats-ws", List.of("package.json", "package-lock.json", "client.mjs"), "nats.ws");
    }

    /** The browser build of nats.ws: one self-contained ES module. */
    static Path browserModule() throws IOException, InterruptedException {
        return install().resolve("node_modules").resolve("nats.ws").resolve("esm").resolve("nats.js");
    }
}
