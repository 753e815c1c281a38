package io.natrium.bootstrap;

import io.natrium.adapter.config.CommandLine;
import io.natrium.bootstrap.logging.Logging;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A short run of the server that loads every class a start and a first client need, so that a class-data-sharing
 * archive can be recorded from it ({@code ./natrium --natrium-train-cds}). Tools that launch {@code nats-server}
 * give it about half a second to answer; with the archive the JVM gets there in time.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse("-a", "127.0.0.1", "-p", "-1", "-m", "-1", "-T=true");
        Logging.apply(parsed.settings().logging());
        NatriumServer server = NatriumServer.create(parsed.settings());
        server.start();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.clientAddress().getPort()), 5_000);
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(("CONNECT {\"verbose\":true,\"pedantic\":true,\"protocol\":1,\"headers\":true,"
                    + "\"no_responders\":true,\"name\":\"training\"}\r\nSUB a.* 1\r\nSUB b q 2\r\nSUB _INBOX.x 3\r\n"
                    + "PUB a.b r 5\r\nhello\r\nHPUB b 12 14\r\nNATS/1.0\r\n\r\nhi\r\nPUB c _INBOX.x 0\r\n\r\n"
                    + "UNSUB 1\r\nUNSUB 2 5\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readUntilPong(in);
            askMonitoring(server, "/varz");
            askMonitoring(server, "/connz?subs=detail");
        }
        server.shutdown();
        System.exit(0);
    }

    /** One monitoring request, so that the HTTP and JSON classes are recorded too. */
    private static void askMonitoring(NatriumServer server, String path) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.monitorAddress().getPort()), 5_000);
            socket.setSoTimeout(5_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.getInputStream().readAllBytes();
        }
    }

    private static void readUntilPong(InputStream in) throws Exception {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (seen.indexOf("PONG\r\n") < 0) {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IllegalStateException("connection closed before PONG: " + seen);
            }
            seen.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
        }
    }
}
