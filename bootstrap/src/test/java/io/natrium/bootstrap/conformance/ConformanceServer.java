package io.natrium.bootstrap.conformance;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process Natrium server for a whole test class (register it as a static {@code @RegisterExtension} field),
 * and the raw clients of each test, which are closed after the test.
 */
final class ConformanceServer implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final ServerSettings.Builder settings;
    private final List<RawClient> clients = new ArrayList<>();
    private EmbeddedServer server;

    private ConformanceServer(ServerSettings.Builder settings) {
        this.settings = settings;
    }

    static ConformanceServer withDefaults() {
        return new ConformanceServer(ServerSettings.builder());
    }

    static ConformanceServer with(ServerSettings.Builder settings) {
        return new ConformanceServer(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        server = EmbeddedServer.start(settings);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        clients.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    int port() {
        return server.port();
    }

    EmbeddedServer embedded() {
        return server;
    }

    /** A connection whose INFO is still unread. */
    RawClient connect() throws IOException {
        RawClient client = RawClient.connect("127.0.0.1", port());
        clients.add(client);
        return client;
    }

    /** A connection whose INFO has been read; no CONNECT sent. */
    RawClient greeted() throws IOException {
        RawClient client = connect();
        client.expectPattern(RawClient.INFO);
        return client;
    }

    /** A connection that sent this non-verbose CONNECT and had its PING answered. */
    RawClient session(String connectJson) throws IOException {
        return Wire.session(greeted(), connectJson);
    }

    /** A session with {@code verbose} and {@code pedantic} off, as nats-server's own protocol tests use. */
    RawClient quiet() throws IOException {
        return session(Wire.QUIET);
    }

    /** A quiet session that also announced header support. */
    RawClient withHeaders() throws IOException {
        return session(Wire.HEADERS);
    }
}
