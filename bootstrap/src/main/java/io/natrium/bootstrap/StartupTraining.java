package io.natrium.bootstrap;

import io.natrium.adapter.config.CommandLine;
import io.natrium.adapter.config.ConfigurationLoader;
import io.natrium.adapter.config.FileConfigurationSource;
import io.natrium.adapter.config.LoadedConfiguration;
import io.natrium.adapter.config.syntax.ConfigParser;
import io.natrium.bootstrap.logging.Logging;
import io.natrium.bootstrap.wiring.ClientTls;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A short run of the server that loads every class a start and a first client need, so that a class-data-sharing
 * archive can be recorded from it ({@code ./natrium --natrium-train-cds}). Tools that launch {@code nats-server}
 * give it about half a second to answer; with the archive the JVM gets there in time.
 *
 * <p>Only a plain start is trained, without monitoring: every class in the archive costs an idle server resident
 * memory, used or not (the kernel maps the archive's pages around each one read), and monitoring's ~900 classes
 * (Jackson's data binding most of them) cost ~3.6 MiB that way (docs/benchmarks.md, "Memory at rest"). A server
 * with monitoring loads them from the jar when asked.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    /** How long a training may take, on a machine however busy, before it gives up. */
    private static final long GIVE_UP_MILLIS = 120_000;
    /** The waits for the server's answers: long, since a loaded machine answers late, but bounded. */
    private static final int ANSWER_MILLIS = 60_000;

    /**
     * Runs the training and exits: 0 when it went through, 1 when anything failed, and in any case within
     * {@link #GIVE_UP_MILLIS}: the server's event loops would otherwise keep a failed training's JVM alive, and the
     * launcher waiting for it.
     */
    public static void main(String[] args) {
        Thread giveUp = new Thread(() -> {
            try {
                Thread.sleep(GIVE_UP_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            // Halted, not exited: no shutdown hook or event loop can hold it up. The launcher discards the archive
            // of a training that failed.
            Runtime.getRuntime().halt(1);
        }, "natrium-training-limit");
        giveUp.setDaemon(true);
        giveUp.start();
        try {
            train();
        } catch (Throwable failed) {
            System.exit(1);
        }
        System.exit(0);
    }

    private static void train() throws Exception {
        // The early bind, its greetings and its take-over are on the start path a launching tool sees first: recorded
        // too, with a client greeted before the server is wired.
        String[] args = {"-a", "127.0.0.1", "-p", "-1", "-T=true"};
        EarlyClientPort early = EarlyClientPort.open(new String[] {"-a", "127.0.0.1", "--port", "-1"})
                .orElseThrow();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", early.socket().port()), ANSWER_MILLIS);
            socket.setSoTimeout(ANSWER_MILLIS);
            InputStream in = socket.getInputStream();
            readUntil(in, "\r\n");
            CommandLine.Parsed parsed = CommandLine.parse(args);
            // Through the configuration loader and its checks, as a real start goes (Natrium.run).
            ConfigurationLoader loader = new ConfigurationLoader(ConfigParser::parseFile, ClientTls.CHECK);
            LoadedConfiguration loaded = loader.load(parsed);
            if (loaded.hasErrors()) {
                throw new IllegalStateException("training configuration refused: " + loaded.problems());
            }
            Logging.apply(loaded.settings().logging());
            NatriumServer server = NatriumServer.create(loaded.settings(), new FileConfigurationSource(loader, parsed),
                    Optional.of(early.socket()), early.identity());
            server.start();
            OutputStream out = socket.getOutputStream();
            out.write(("CONNECT {\"verbose\":true,\"pedantic\":true,\"protocol\":1,\"headers\":true,"
                    + "\"no_responders\":true,\"name\":\"training\"}\r\nSUB a.* 1\r\nSUB b q 2\r\nSUB _INBOX.x 3\r\n"
                    + "PUB a.b r 5\r\nhello\r\nHPUB b 12 14\r\nNATS/1.0\r\n\r\nhi\r\nPUB c _INBOX.x 0\r\n\r\n"
                    + "UNSUB 1\r\nUNSUB 2 5\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readUntil(in, "PONG\r\n");
            try (Socket second = new Socket()) {
                // And one accepted by the wired server.
                second.connect(new InetSocketAddress("127.0.0.1", server.clientAddress().getPort()), ANSWER_MILLIS);
                second.setSoTimeout(ANSWER_MILLIS);
                second.getOutputStream().write("CONNECT {}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
                readUntil(second.getInputStream(), "PONG\r\n");
            }
            server.shutdown();
        }
    }

    private static void readUntil(InputStream in, String end) throws Exception {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (seen.indexOf(end) < 0) {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IllegalStateException("connection closed before " + end.trim() + ": " + seen);
            }
            seen.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
        }
    }
}
