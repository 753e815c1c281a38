package io.natrium.bootstrap.client;

import io.natrium.bootstrap.EmbeddedServer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One embedded server with default settings for all the tests of a class: started before them, stopped after. */
final class ServerPerClass implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        server = EmbeddedServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    EmbeddedServer get() {
        return server;
    }
}
