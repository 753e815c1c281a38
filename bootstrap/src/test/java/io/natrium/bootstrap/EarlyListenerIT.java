package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.TlsFiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client port is bound as soon as the command line is read: a client that connects while the server is still
 * being wired is queued by the kernel and answered once the server runs, never refused or reset, also when the port
 * takes TLS before INFO ({@code handshake_first}); a plain {@code -a/-p} start greets such a client with its INFO at
 * once (the fields of nats-server's, in their order) and serves it once wired; and a port taken by another process
 * still fails the start with nats-server's message.
 */
class EarlyListenerIT {

    private static final Pattern READY = Pattern.compile(
            "(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}) \\[INF] Server is ready");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS");

    @TempDir
    Path dir;

    @Test
    void aClientConnectingWhileTheServerStartsIsQueuedAndAnswered() throws Exception {
        int port = ServerProcess.freePort();
        Path log = dir.resolve("server.log");
        Process server = startPlain(ServerProcess.natriumLauncher(), port, log);
        try (Socket client = connectAsSoonAsPossible(port, server)) {
            LocalDateTime connected = LocalDateTime.now();
            client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            InputStream in = client.getInputStream();
            assertThat(readLine(in)).startsWith("INFO {");
            client.getOutputStream().write("CONNECT {\"verbose\":false}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(in)).isEqualTo("PONG");

            assertThat(connected).as("connected before the server was ready").isBefore(awaitReadyAt(log));
        } finally {
            stop(server);
        }
    }

    @Test
    void clientsConnectingWhileTheServerStartsAreGreetedAtOnceAndKeepTheirIds() throws Exception {
        int port = ServerProcess.freePort();
        Path log = dir.resolve("server.log");
        Process server = startPlain(ServerProcess.natriumLauncher(), port, log);
        try (Socket first = connectAsSoonAsPossible(port, server);
                Socket second = connectAsSoonAsPossible(port, server)) {
            first.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            second.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            String firstInfo = readLine(first.getInputStream());
            String secondInfo = readLine(second.getInputStream());
            LocalDateTime greeted = LocalDateTime.now();
            assertThat(firstInfo).startsWith("INFO {").contains("\"client_id\":4,", "\"port\":" + port + ",");
            assertThat(secondInfo).startsWith("INFO {").contains("\"client_id\":5,");
            assertThat(serverId(secondInfo)).isEqualTo(serverId(firstInfo));

            send(first, "CONNECT {\"verbose\":false}\r\nSUB early 1\r\nPING\r\n");
            assertThat(readLine(first.getInputStream())).isEqualTo("PONG");
            try (Socket third = connectAsSoonAsPossible(port, server)) {
                third.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
                String thirdInfo = readLine(third.getInputStream());
                assertThat(thirdInfo).contains("\"client_id\":6,");
                assertThat(serverId(thirdInfo)).isEqualTo(serverId(firstInfo));
                send(third, "CONNECT {\"verbose\":false}\r\nPUB early 5\r\nhello\r\nPING\r\n");
                assertThat(readLine(third.getInputStream())).isEqualTo("PONG");
            }
            assertThat(readLine(first.getInputStream())).isEqualTo("MSG early 1 5");
            assertThat(readLine(first.getInputStream())).isEqualTo("hello");
            // The one greeted early is not greeted again: what follows its PONG is the message, nothing else.
            assertThat(greeted).as("greeted before the server was ready").isBefore(awaitReadyAt(log));
        } finally {
            stop(server);
        }
    }

    @Test
    void aClientGreetedEarlyOnARandomPortIsToldThatPortOnceAndNotGreetedAgain() throws Exception {
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(ServerProcess.natriumLauncher().toString(), "-a", "127.0.0.1", "-p", "-1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = awaitListeningPort(server);
            try (Socket client = connectAsSoonAsPossible(port, server)) {
                client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
                String info = readLine(client.getInputStream());
                LocalDateTime greeted = LocalDateTime.now();
                assertThat(info).startsWith("INFO {").contains("\"port\":" + port + ",");

                send(client, "CONNECT {\"verbose\":false}\r\nPING\r\n");
                assertThat(readLine(client.getInputStream())).as("the line after the early INFO").isEqualTo("PONG");
                assertThat(greeted).as("greeted before the server was ready").isBefore(awaitReadyAt(log));
            }
            assertThat(Files.readString(log)).contains("Listening for client connections on 127.0.0.1:" + port);
        } finally {
            stop(server);
        }
    }

    @Test
    void theEarlyInfoHasTheFieldsOfNatsServersInTheirOrder() throws Exception {
        Path reference = ExternalTools.natsServer();
        List<String> expected = fieldNames(firstInfoLine(reference, dir.resolve("reference.log")));
        List<String> early = fieldNames(firstInfoLine(ServerProcess.natriumLauncher(), dir.resolve("server.log")));

        assertThat(early).isEqualTo(expected);
    }

    @Test
    void aTlsFirstClientConnectingWhileTheServerStartsIsQueuedAndServedOverTls() throws Exception {
        TlsFiles files = TlsFiles.create(Files.createDirectories(dir.resolve("tls")));
        Path config = Files.writeString(dir.resolve("tls.conf"), "tls { cert_file: \"" + files.serverCert()
                + "\", key_file: \"" + files.serverKey() + "\", handshake_first: true }\n");
        int port = ServerProcess.freePort();
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(ServerProcess.natriumLauncher().toString(), "-c", config.toString(), "-a",
                "127.0.0.1", "-p", Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        try (Socket plain = connectAsSoonAsPossible(port, server)) {
            LocalDateTime connected = LocalDateTime.now();
            plain.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            // The client speaks first: its ClientHello waits in the socket until the listener takes the port over.
            try (SSLSocket client = (SSLSocket) files.clientContext().getSocketFactory().createSocket(plain,
                    "localhost", port, true)) {
                client.startHandshake();
                InputStream in = client.getInputStream();
                assertThat(readLine(in)).startsWith("INFO {").contains("\"tls_required\":true");
                client.getOutputStream().write("CONNECT {\"verbose\":false}\r\nPING\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                assertThat(readLine(in)).isEqualTo("PONG");
            }
            assertThat(connected).as("connected before the server was ready").isBefore(awaitReadyAt(log));
        } finally {
            stop(server);
        }
    }

    @Test
    void aPortInUseStillFailsTheStartAsNatsServerSaysIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Process server = new ProcessBuilder(ServerProcess.natriumLauncher().toString(), "-a", "127.0.0.1", "-p",
                    Integer.toString(taken.getLocalPort())).redirectErrorStream(true).start();
            String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(server.exitValue()).as(output).isEqualTo(1);
            int port = taken.getLocalPort();
            assertThat(output).contains("[FTL] Error listening on port: 127.0.0.1:" + port + ", \"listen tcp 127.0.0.1:"
                    + port + ": bind: address already in use\"");
        }
    }

    /** The first line a client reads from a start of {@code executable} with {@code -a 127.0.0.1 -p N}. */
    private static String firstInfoLine(Path executable, Path log) throws Exception {
        int port = ServerProcess.freePort();
        Process server = startPlain(executable, port, log);
        try (Socket client = connectAsSoonAsPossible(port, server)) {
            client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            return readLine(client.getInputStream());
        } finally {
            stop(server);
        }
    }

    /** {@code executable -a 127.0.0.1 -p port}, its output in {@code log}. */
    private static Process startPlain(Path executable, int port, Path log) throws IOException {
        return new ProcessBuilder(executable.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<String> fieldNames(String infoLine) {
        List<String> names = new ArrayList<>();
        Matcher field = Pattern.compile("[{,]\"([a-z_]+)\":").matcher(infoLine);
        while (field.find()) {
            names.add(field.group(1));
        }
        return names;
    }

    private static String serverId(String infoLine) {
        Matcher id = Pattern.compile("\"server_id\":\"([A-Z0-9]+)\"").matcher(infoLine);
        assertThat(id.find()).as(infoLine).isTrue();
        return id.group(1);
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** When the log says the server is ready, waiting for the line at most a minute. */
    private static LocalDateTime awaitReadyAt(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !READY.matcher(Files.readString(log)).find()) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return readyAt(log);
    }

    private static LocalDateTime readyAt(Path log) throws IOException {
        String output = Files.readString(log);
        Matcher ready = READY.matcher(output);
        assertThat(ready.find()).as(output).isTrue();
        return LocalDateTime.parse(ready.group(1), LOG_TIME);
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * The TCP port {@code server} listens on, from its descriptors and the kernel's socket table: the random port of
     * {@code -p -1} is printed only once the server is wired, and early clients must connect before that.
     */
    private static int awaitListeningPort(Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && server.isAlive()) {
            List<String> inodes = new ArrayList<>();
            try (var fds = Files.list(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
                for (Path fd : (Iterable<Path>) fds::iterator) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring("socket:[".length(), target.length() - 1));
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor went away while listed
                    }
                }
            }
            for (String table : List.of("tcp", "tcp6")) {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "net", table))) {
                    String[] columns = line.trim().split("\\s+");
                    // local address, state 0A (LISTEN), inode
                    if (columns.length > 9 && "0A".equals(columns[3]) && inodes.contains(columns[9])) {
                        String local = columns[1];
                        return Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        throw new IllegalStateException("the server never listened");
    }

    private static Socket connectAsSoonAsPossible(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && server.isAlive()) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return socket;
            } catch (ConnectException refused) {
                socket.close();
                TimeUnit.MILLISECONDS.sleep(1);
            }
        }
        throw new IllegalStateException("the server never took a connection");
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
}
