package io.natrium.bootstrap;

import io.natrium.application.settings.ServerSettings;

/**
 * A Natrium server in the test's own JVM, on 127.0.0.1 and a free port, for integration tests that need to look
 * inside (lame duck, shutdown) or start many servers quickly. Black-box tests use {@code ServerProcess} instead.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final NatriumServer server;

    private EmbeddedServer(NatriumServer server) {
        this.server = server;
    }

    public static EmbeddedServer start() throws InterruptedException {
        return start(ServerSettings.builder());
    }

    /** Starts with these settings, except that host and port are forced to 127.0.0.1 and a free port. */
    public static EmbeddedServer start(ServerSettings.Builder settings) throws InterruptedException {
        return startOnPort(settings, -1);
    }

    /**
     * Starts with these settings on 127.0.0.1 and exactly this port, e.g. to bring a server back where its clients
     * will reconnect to it; -1 picks a free port.
     */
    public static EmbeddedServer startOnPort(ServerSettings.Builder settings, int port) throws InterruptedException {
        NatriumServer server = NatriumServer.create(settings.host("127.0.0.1").port(port).build());
        server.start();
        return new EmbeddedServer(server);
    }

    public int port() {
        return server.clientAddress().getPort();
    }

    public String url() {
        return "nats://127.0.0.1:" + port();
    }

    public NatriumServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
