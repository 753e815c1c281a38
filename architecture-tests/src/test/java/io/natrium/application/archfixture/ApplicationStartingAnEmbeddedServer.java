package io.natrium.application.archfixture;

import io.natrium.embedded.NatriumServer;

/** Deliberately bad: the application reaching into the embedding module. */
public class ApplicationStartingAnEmbeddedServer {
    public Object start() {
        return NatriumServer.builder();
    }
}
