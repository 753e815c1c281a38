package io.natrium.embedded.jnats;

import io.natrium.embedded.NatriumServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.util.function.UnaryOperator;

/** jnats options and connections that reach an embedded server in-process. */
public final class InProcessNats {

    private InProcessNats() {
    }

    /**
     * Options to reach {@code server} in-process: its in-process URL, the in-process data port, and no DNS lookup
     * of the URL's host (it names a server of this JVM, not a machine). Add your own options to the builder.
     */
    public static Options.Builder options(NatriumServer server) {
        return new Options.Builder()
                .server(server.inProcessUrl())
                .dataPortType(InProcessDataPort.class.getName())
                .noResolveHostnames();
    }

    /** A jnats connection to {@code server} in-process, with jnats's default options otherwise. */
    public static Connection connect(NatriumServer server) throws IOException, InterruptedException {
        return Nats.connect(options(server).build());
    }

    /** A jnats connection to {@code server} in-process, with the options {@code customize} adds. */
    public static Connection connect(NatriumServer server, UnaryOperator<Options.Builder> customize)
            throws IOException, InterruptedException {
        return Nats.connect(customize.apply(options(server)).build());
    }
}
