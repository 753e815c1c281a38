package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.connect;
import static io.natrium.bootstrap.conformance.Wire.pub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.natrium.application.settings.ServerSettings;
import io.natrium.testkit.RawClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A subscriber that stops reading is dropped as a slow consumer, without -ERR, while the other subscriber gets
 * every message and the publisher stays connected. The test outlasts the server's first keep-alive PING (2 s), so
 * its clients read line by line and answer PINGs.
 */
class SlowConsumerIT {

    private static final int MAX_PENDING = 256 * 1024;

    @RegisterExtension
    static final ConformanceServer SERVER =
            ConformanceServer.with(ServerSettings.builder().maxPending(MAX_PENDING).maxPayload(8 * 1024));

    private static final String FILLER = "x".repeat(1020);
    /** A batch is well below the pending limit, so a subscriber that keeps up never comes near it. */
    private static final int BATCH = 32;
    /** 6.6 MB: more than the slow subscriber's socket buffers (up to 4 MB on Linux) and its pending limit hold. */
    private static final int BATCHES = 200;

    @Test
    void aSubscriberThatNeverReadsIsClosedWhileTheOthersGetEveryMessage() throws IOException {
        try (LineClient slow = LineClient.subscribe(4096, "1"); LineClient fast = LineClient.subscribe(0, "2")) {
            RawClient publisher = SERVER.quiet();

            for (int batch = 0; batch < BATCHES; batch++) {
                String payload = FILLER + String.format("%04d", batch);
                publisher.send(pub("data", payload).repeat(BATCH));
                for (int i = 0; i < BATCH; i++) {
                    assertThat(fast.line()).as("batch %d message %d", batch, i).isEqualTo("MSG data 2 1024");
                    assertThat(fast.line()).as("batch %d message %d", batch, i).isEqualTo(payload);
                }
            }
            publisher.send(PING).expectPattern(Pattern.compile("\\A(?:PING\r\n)?PONG\r\n"));

            String received = slow.readUntilClosed();
            assertThat(received).as("what the slow subscriber received").doesNotContain("-ERR")
                    .hasSizeLessThan(BATCHES * BATCH * FILLER.length());
        }
    }

    /** A subscriber on a plain socket, read line by line (payloads here hold no line ends), answering PINGs. */
    private static final class LineClient implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader reader;
        private final OutputStream out;

        private LineClient(Socket socket) throws IOException {
            this.socket = socket;
            this.reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII),
                    65536);
            this.out = socket.getOutputStream();
        }

        /** Connects (with this receive buffer size, unless 0), subscribes to {@code data} and waits for the PONG. */
        static LineClient subscribe(int receiveBuffer, String sid) throws IOException {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.setSoTimeout(5000);
            socket.connect(new InetSocketAddress("127.0.0.1", SERVER.port()), 5000);
            LineClient client = new LineClient(socket);
            client.out.write((connect(Wire.QUIET) + "SUB data " + sid + "\r\n" + PING)
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(client.line()).startsWith("INFO {");
            assertThat(client.line()).isEqualTo("PONG");
            return client;
        }

        /** The next line that is not a server PING. */
        String line() throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.equals("PING")) {
                    return line;
                }
                out.write(PONG.getBytes(StandardCharsets.US_ASCII));
            }
            return fail("the server closed the connection");
        }

        /** Everything that arrives until the server closes the connection; fails if it stays open for 5 s. */
        String readUntilClosed() throws IOException {
            StringBuilder received = new StringBuilder();
            char[] buffer = new char[65536];
            try {
                for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                    received.append(buffer, 0, read);
                }
            } catch (SocketTimeoutException e) {
                fail("still connected after receiving %d bytes", received.length());
            } catch (SocketException reset) {
                // The server closed with data unread by us: a reset is a close too.
            }
            return received.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
