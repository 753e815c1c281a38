package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users given to the system account alone, as the README shows for watching events: nats-server 2.9.10 then invents
 * a user of the global account ({@code nats-} and eight characters) and lets clients without credentials in as it,
 * still saying {@code auth_required} in INFO; the system account's own users still need their password. Natrium
 * must do the same.
 */
class SystemAccountOnlyDifferentialIT {

    private static final String CONFIG = """
            accounts {
              $SYS { users [ {user: admin, password: s3cret} ] }
            }
            """;
    private static final Pattern REPLY = Pattern.compile("MSG _INBOX\\.connz 1 {1,2}(\\d+)\r\n");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELOADED = "Reloaded server configuration";

    private static ServerPair servers;

    @BeforeAll
    static void startServers() throws Exception {
        Path config = Files.createTempFile("natrium-sys-only-", ".conf");
        Files.writeString(config, CONFIG);
        servers = ServerPair.start(List.of("-c", config.toString()));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    /** nats-server keeps the invented name at a reload, so that the clients it let in are not closed as gone. */
    @Test
    void aReloadKeepsTheClientsLetInAsTheInventedUser() throws Exception {
        for (ServerProcess server : servers.both()) {
            try (RawClient anonymous = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                anonymous.send("CONNECT {\"verbose\":false}\r\nPING\r\n").expect("PONG\r\n");
                long reloads = Files.readString(server.log()).split(RELOADED, -1).length - 1;
                new ProcessBuilder("kill", "-HUP", Long.toString(server.process().pid())).start().waitFor();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (Files.readString(server.log()).split(RELOADED, -1).length - 1 == reloads
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(Files.readString(server.log())).as(server + " reloaded").contains(RELOADED);
                anonymous.send("SUB foo 1\r\nPUB foo 2\r\nhi\r\nPING\r\n");
                assertThat(anonymous.drainThrough(Pattern.compile("PONG\r\n"), Duration.ofSeconds(10)))
                        .as(server + ": the client let in before the reload")
                        .isEqualTo("MSG foo 1 2\r\nhi\r\nPONG\r\n");
            }
        }
    }

    @Test
    void clientsWithoutCredentialsComeInAsTheInventedUserOfTheGlobalAccount() throws Exception {
        for (ServerProcess server : servers.both()) {
            try (RawClient anonymous = RawClient.connect("127.0.0.1", server.port());
                    RawClient admin = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                String info = anonymous.expectPattern(RawClient.INFO).group();
                assertThat(info).as(server + " INFO").contains("\"auth_required\":true");
                anonymous.send("CONNECT {\"verbose\":false}\r\nSUB foo 1\r\nPUB foo 2\r\nhi\r\nPING\r\n");
                assertThat(anonymous.drainThrough(Pattern.compile("PONG\r\n"), Duration.ofSeconds(10)))
                        .as(server + ": a client without credentials").isEqualTo("MSG foo 1 2\r\nhi\r\nPONG\r\n");

                admin.send("CONNECT {\"verbose\":false,\"user\":\"admin\",\"pass\":\"s3cret\"}\r\n"
                        + "SUB _INBOX.connz 1\r\n"
                        + "PUB $SYS.REQ.SERVER.PING.CONNZ _INBOX.connz 13\r\n{\"auth\":true}\r\n");
                String received = admin.drainThrough(
                        Pattern.compile("MSG _INBOX\\.connz 1 {1,2}\\d+\r\n[^\r\n]*\r\n"), Duration.ofSeconds(10));
                Matcher reply = REPLY.matcher(received);
                assertThat(reply.find()).isTrue();
                JsonNode connz = JSON.readTree(received.substring(reply.end(),
                        reply.end() + Integer.parseInt(reply.group(1))));
                List<String> users = new ArrayList<>();
                connz.path("data").path("connections").forEach(c -> users.add(c.path("authorized_user").asText()));
                assertThat(users).as(server + ": " + connz).hasSize(2).contains("admin")
                        .anySatisfy(user -> assertThat(user).matches("nats-[0-9A-Za-z]{8}"));
            }
            try (RawClient wrong = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
                wrong.send("CONNECT {\"verbose\":false,\"user\":\"admin\",\"pass\":\"wrong\"}\r\nPING\r\n");
                assertThat(wrong.readUntilClosed()).as(server + ": the system user with a wrong password")
                        .isEqualTo("-ERR 'Authorization Violation'\r\n");
            }
        }
    }
}
