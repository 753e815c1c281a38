package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MSG lines of what the server's own clients send, byte for byte beside nats-server 2.9.10: its internal send
 * loop hands {@code msgHeader} an empty but present reply, so an event, and a system service's answer, arrive as
 * {@code MSG <subject> <sid>  <size>} (two spaces), while the same answer crossing back into an importing account
 * through its service import, and any client's message without a reply, keep one space.
 */
class InternalMessageLinesDifferentialIT {

    private static final String CONFIG = """
            accounts {
              $SYS { users [ {user: sys, password: sys} ] }
              A { users [ {user: a, password: a} ] }
            }
            """;
    /** One whole message whose body is one line (JSON): its control line up to the size, which differs. */
    private static final Pattern MESSAGE = Pattern.compile("(MSG [^\r\n]*? )\\d+\r\n[^\r\n]*\r\n");

    private static ServerPair servers;
    private static Path config;

    @BeforeAll
    static void startServers() throws Exception {
        config = Files.createTempFile("natrium-lines-", ".conf");
        Files.writeString(config, CONFIG);
        servers = ServerPair.start(List.of("-c", config.toString()));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (servers != null) {
            servers.close();
        }
        Files.deleteIfExists(config);
    }

    @Test
    void internalMessagesWithoutReplyKeepAnEmptyReplyField() throws Exception {
        List<String> theirs = play(servers.reference());

        assertThat(theirs).containsExactly("MSG $SYS.ACCOUNT.A.CONNECT 1  ", "MSG _INBOX.ping 2  ",
                "MSG _INBOX.connz 1 ", "MSG plain 2 ");
        assertThat(play(servers.natrium())).isEqualTo(theirs);
    }

    /** An event, a system service's answer, the same crossing back into A, a client's message: their lines. */
    private static List<String> play(ServerProcess server) throws IOException {
        List<String> lines = new ArrayList<>();
        try (RawClient sys = login(server, "sys", "SUB $SYS.ACCOUNT.A.CONNECT 1\r\nSUB _INBOX.> 2\r\n");
                RawClient a = login(server, "a", "SUB _INBOX.> 1\r\nSUB plain 2\r\n")) {
            lines.add(sys.expectPattern(MESSAGE).group(1));
            sys.send("PUB $SYS.REQ.SERVER.PING _INBOX.ping 0\r\n\r\n");
            lines.add(sys.expectPattern(MESSAGE).group(1));
            a.send("PUB $SYS.REQ.ACCOUNT.PING.CONNZ _INBOX.connz 0\r\n\r\n");
            lines.add(a.expectPattern(MESSAGE).group(1));
            a.send("PUB plain 2\r\nhi\r\n");
            lines.add(a.expectPattern(MESSAGE).group(1));
        }
        return lines;
    }

    private static RawClient login(ServerProcess server, String user, String operations) throws IOException {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port());
        client.send("CONNECT {\"verbose\":false,\"user\":\"" + user + "\",\"pass\":\"" + user + "\"}\r\n" + operations
                + "PING\r\n").expect("PONG\r\n");
        return client;
    }
}
