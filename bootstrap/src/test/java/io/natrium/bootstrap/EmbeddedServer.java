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
        return startAsGiven(settings.port(port));
    }

    /** Starts with default settings and HTTP monitoring on 127.0.0.1 and a free port. */
    public static EmbeddedServer startWithMonitoring() throws InterruptedException {
        return startWithMonitoring(ServerSettings.builder());
    }

    /** Starts with these settings and HTTP monitoring on 127.0.0.1 and a free port. */
    public static EmbeddedServer startWithMonitoring(ServerSettings.Builder settings) throws InterruptedException {
        return startAsGiven(settings.port(-1).monitoring(monitoring -> monitoring.withHttpPort(-1)));
    }

    /**
     * Starts with these settings on 127.0.0.1, the client port and monitoring as given (monitoring, when enabled,
     * also on 127.0.0.1).
     */
    public static EmbeddedServer startAsGiven(ServerSettings.Builder settings) throws InterruptedException {
        ServerSettings built = settings.host("127.0.0.1").build();
        if (built.monitoring().enabled()) {
            built = settings.monitoring(monitoring -> monitoring.withHost("127.0.0.1")).build();
        }
        NatriumServer server = NatriumServer.create(built);
        server.start();
        return new EmbeddedServer(server);
    }

    public int port() {
        return server.clientAddress().getPort();
    }

    public String url() {
        return "nats://127.0.0.1:" + port();
    }

    /** The bound monitoring port; the server must have been started with monitoring. */
    public int monitorPort() {
        if (server.monitorAddress() == null) {
            throw new IllegalStateException("this server was started without monitoring");
        }
        return server.monitorAddress().getPort();
    }

    /** The monitoring URL of a path and query, e.g. {@code /connz?subs=1}. */
    public String monitorUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + monitorPort() + pathAndQuery;
    }

    public NatriumServer server() {
        return server;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
