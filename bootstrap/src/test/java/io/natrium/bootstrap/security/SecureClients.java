package io.natrium.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** jnats clients of a secured server: credentials, the errors the server reported to them, bounded waits. */
final class SecureClients {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REFUSAL_TIMEOUT = Duration.ofMillis(500);

    private SecureClients() {
    }

    static Options.Builder options(ConfiguredServer server) {
        return new Options.Builder().server(server.url()).connectionTimeout(TIMEOUT).noReconnect();
    }

    static Options.Builder user(ConfiguredServer server, String user, String password) {
        return options(server).userInfo(user, password);
    }

    static Connection connect(Options.Builder options) throws IOException, InterruptedException {
        return Nats.connect(options.build());
    }

    /** Signs the server's nonce with the key, as a client with an nkey seed does. */
    static AuthHandler signingWith(NKey key) {
        return new AuthHandler() {
            @Override
            public byte[] sign(byte[] nonce) {
                try {
                    return key.sign(nonce);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public char[] getID() {
                try {
                    return key.getPublicKey();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public char[] getJWT() {
                return null;
            }
        };
    }

    static NKey newUserKey() {
        try {
            return NKey.createUser(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicKey(NKey key) {
        try {
            return new String(key.getPublicKey());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the {@code -ERR} texts the server sends to a connection. */
    static final class Errors implements ErrorListener {

        private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

        @Override
        public void errorOccurred(Connection connection, String error) {
            errors.add(error);
        }

        /** The next error, which must come within the timeout. */
        String next() throws InterruptedException {
            String error = errors.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(error).as("an error from the server within %s", TIMEOUT).isNotNull();
            return error;
        }

        List<String> sofar() {
            return List.copyOf(errors);
        }
    }

    /**
     * Connects with options the server refuses and returns the failure; jnats waits for a PONG it never gets, so
     * the attempt has a short timeout.
     */
    static Exception refusal(Options.Builder options) {
        try (Connection ignored = Nats.connect(options.connectionTimeout(REFUSAL_TIMEOUT).build())) {
            throw new AssertionError("the server accepted the connection");
        } catch (Exception e) {
            return e;
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(Message message) {
        return new String(message.getData(), StandardCharsets.UTF_8);
    }

    static Message next(Subscription subscription) throws InterruptedException {
        Message message = subscription.nextMessage(TIMEOUT);
        assertThat(message).as("a message on %s within %s", subscription.getSubject(), TIMEOUT).isNotNull();
        return message;
    }

    static void flush(Connection... connections) throws Exception {
        for (Connection connection : connections) {
            connection.flush(TIMEOUT);
        }
    }
}
