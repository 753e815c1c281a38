package io.natrium.embedded.jnats;

import io.natrium.embedded.NatriumServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The two ways a jnats client reaches an embedded server: a TCP socket, or the in-process transport. */
enum Transport {
    TCP {
        @Override
        Options.Builder options(NatriumServer server) {
            return new Options.Builder().server(server.clientUrl());
        }
    },
    IN_PROCESS {
        @Override
        Options.Builder options(NatriumServer server) {
            return InProcessNats.options(server);
        }
    };

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    abstract Options.Builder options(NatriumServer server);

    Connection connect(NatriumServer server) throws IOException, InterruptedException {
        return connect(server, UnaryOperator.identity());
    }

    Connection connect(NatriumServer server, UnaryOperator<Options.Builder> customize)
            throws IOException, InterruptedException {
        return Nats.connect(customize.apply(options(server).connectionTimeout(TIMEOUT).maxReconnects(0)).build());
    }
}
