package io.natrium.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ServerInfo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The early socket greets each client with INFO, its id and address filled in, and holds it for the listener. */
class EarlyGreeterTest {

    private static final ServerInfo TEMPLATE = new ServerInfo("NID", "NID", "2.11.0", 1, null, "java17", "127.0.0.1",
            4222, true, false, false, false, false, 1048576, false, null, 0, null, null, null, null, List.of(),
            List.of(), false, false, null, false, null);

    @Test
    void greetsEachClientWithItsOwnIdAndHoldsItForTheListener() throws Exception {
        EarlyListeningSocket early = EarlyListeningSocket.bind("127.0.0.1", 0).orElseThrow();
        try (Socket first = connect(early); Socket second = connect(early)) {
            early.greetWith(TEMPLATE, 3);

            assertThat(readLine(first.getInputStream())).isEqualTo("INFO {\"server_id\":\"NID\",\"server_name\":\"NID\","
                    + "\"version\":\"2.11.0\",\"proto\":1,\"go\":\"java17\",\"host\":\"127.0.0.1\",\"port\":4222,"
                    + "\"headers\":true,\"max_payload\":1048576,\"client_id\":4,\"client_ip\":\"127.0.0.1\"} ");
            assertThat(readLine(second.getInputStream())).contains("\"client_id\":5,");

            List<EarlyGreeter.GreetedClient> held = early.stopGreeting();
            assertThat(held).extracting(client -> client.info().clientId()).containsExactly(4L, 5L);
            assertThat(held.get(0).info()).isEqualTo(TEMPLATE.forClient(4, "127.0.0.1"));
            // Held, not closed: what the client sends waits for whoever takes the socket over.
            first.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer read = ByteBuffer.allocate(16);
            held.get(0).channel().configureBlocking(true);
            held.get(0).channel().read(read);
            assertThat(new String(read.array(), 0, read.position(), StandardCharsets.US_ASCII)).isEqualTo("PING\r\n");
            held.forEach(client -> close(client.channel()));
        } finally {
            early.close();
        }
    }

    @Test
    void closingTheEarlySocketClosesTheClientsItGreeted() throws Exception {
        EarlyListeningSocket early = EarlyListeningSocket.bind("127.0.0.1", 0).orElseThrow();
        early.greetWith(TEMPLATE, 0);
        try (Socket client = connect(early)) {
            assertThat(readLine(client.getInputStream())).startsWith("INFO {");

            early.close();

            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    private static Socket connect(EarlyListeningSocket early) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", early.port()), 10_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the test is over either way
        }
    }
}
