package io.natrium.embedded.jnats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.embedded.NatriumServer;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-process connection never leaves the JVM, so it has no TLS, by design: a server whose clients must use TLS
 * turns in-process clients away rather than serving them in clear text, and its TCP clients still use TLS.
 */
class InProcessTlsTest {

    @TempDir
    Path directory;

    @Test
    void aServerRequiringTlsTurnsAnInProcessClientAway() throws Exception {
        try (NatriumServer server = tlsServer()) {
            List<String> seen = refusedConnect(server, options -> options);

            assertThat(seen).anySatisfy(message -> assertThat(message).endsWith("SSL required by server."));
        }
    }

    @Test
    void anInProcessClientAskingForTlsIsToldTheTransportHasNone() throws Exception {
        try (NatriumServer server = tlsServer()) {
            List<String> seen = refusedConnect(server, options -> {
                try {
                    return options.opentls();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(seen).anySatisfy(message -> assertThat(message)
                    .endsWith("TLS is not available over the in-process transport"));
        }
    }

    private NatriumServer tlsServer() {
        TlsFiles.create(directory);
        return NatriumServer.builder().config("tls {\n  cert_file: \"" + directory.resolve("server-cert.pem")
                + "\"\n  key_file: \"" + directory.resolve("server-key.pem") + "\"\n}\n").start();
    }

    /** Connects in-process, expecting the connect to fail; returns the messages of what jnats reported. */
    private static List<String> refusedConnect(NatriumServer server, UnaryOperator<Options.Builder> customize) {
        List<String> seen = new CopyOnWriteArrayList<>();
        ErrorListener listener = new ErrorListener() {
            @Override
            public void exceptionOccurred(Connection connection, Exception exception) {
                seen.add(exception.getMessage());
            }
        };
        assertThatThrownBy(() -> InProcessNats.connect(server, options -> customize.apply(options
                .errorListener(listener).connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0))))
                .isInstanceOf(IOException.class);
        return seen;
    }
}
