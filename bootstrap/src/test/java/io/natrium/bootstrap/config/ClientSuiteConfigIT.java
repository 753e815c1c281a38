package io.natrium.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.TlsFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration written the way client libraries' test suites write theirs (listen with a random port, users,
 * TLS and WebSocket blocks, variables, an include): Natrium reads it and serves a jnats client, saying which features
 * it does not support yet. Its TLS block, with certificates the test makes, and a listening WebSocket block are
 * served.
 */
class ClientSuiteConfigIT {

    private static final String TLS = """
            tls {
              cert_file: "./certs/server-cert.pem"
              key_file: "./certs/server-key.pem"
              ca_file: "./certs/ca.pem"
              timeout: 2
            }
            """;

    @TempDir
    Path dir;

    private Path write(String extra) throws Exception {
        Files.writeString(dir.resolve("users.conf"), """
                ALICE_PASS = "s3cret"
                users = [
                  {user: alice, password: $ALICE_PASS}
                  {user: bob, password: "$2a$11$PWIFAL8RsWyGI3jVZtO9Nu8.6jOxzxfZo7c/W0eLk017hjgUKWrhy",
                   permissions: {publish: ["foo", "bar.>"], subscribe: {deny: "secret.*"}}}
                ]
                """);
        Path config = dir.resolve("server.conf");
        Files.writeString(config, """
                # as in a client library's test configs
                listen: 127.0.0.1:-1
                PAYLOAD = 512KB
                max_payload: $PAYLOAD
                ping_interval: "20s"
                authorization {
                  include ./users.conf
                  timeout: 2
                }
                """ + extra);
        return config;
    }

    @Test
    void startsFromAClientSuiteStyleConfigurationAndServesJnats() throws Exception {
        Path config = write("websocket {\n  no_tls: true\n}\n");
        try (ServerProcess server = LaunchedServer.start(config);
                Connection nats = Nats.connect(new Options.Builder()
                        .server("nats://127.0.0.1:" + server.port()).userInfo("alice", "s3cret").build())) {
            Subscription subscription = nats.subscribe("foo");
            nats.publish("foo", "hello".getBytes(StandardCharsets.UTF_8));
            Message message = subscription.nextMessage(Duration.ofSeconds(5));

            assertThat(message).isNotNull();
            assertThat(nats.getServerInfo().getMaxPayload()).isEqualTo(512 * 1024);
            assertThat(nats.getServerInfo().isAuthRequired()).isTrue();
            // nats-server opens nothing for a websocket block without a port, and says nothing about it.
            assertThat(Files.readString(server.log())).contains("Server is ready")
                    .doesNotContain("\"authorization\" is not supported", "\"websocket\"", "websocket clients",
                            "[ERR]");
        }
    }

    @Test
    void startsWithTheTlsAndWebsocketListenersTheClientsExpect() throws Exception {
        Path certificates = Files.createDirectories(dir.resolve("certs"));
        TlsFiles.create(certificates);
        Path config = write(TLS.replace("./certs", certificates.toString()) + "websocket {\n  port: -1\n"
                + "  no_tls: true\n}\n");

        try (ServerProcess server = LaunchedServer.start(config)) {
            assertThat(LaunchedServer.awaitLog(server, "Server is ready")).isTrue();
            // The launcher's readiness probe connects to the client port in clear text and leaves, which the
            // server logs as a TLS handshake error, as nats-server does.
            assertThat(Files.readString(server.log())).contains("TLS required for client connections",
                    "Listening for websocket clients on ws://").doesNotContain("websocket handshake error");
        }
    }

    @Test
    void refusesToStartWhenTheTlsFilesAreNotThere() throws Exception {
        Path config = write(TLS);

        LaunchedServer.Run start = LaunchedServer.run("-c", config.toString());

        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.output()).isEqualTo("nats-server: " + config + ":10:1: error parsing X509 certificate/key "
                + "pair: open ./certs/server-cert.pem: no such file or directory\n\n");
    }
}
