package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The floor under any Java server's start on this machine: a program that binds the client port first thing in
 * {@code main}, writes each client an {@code INFO} line and answers its {@code PING} with {@code PONG}, and does
 * nothing else. {@link StartupTime} times it like a server ({@code -a HOST -p PORT} appended), e.g.
 * {@code StartupTime 7 java -Xshare:auto -cp benchmarks/target/classes
 * io.natrium.benchmarks.load.JvmFloorServer -- ./natrium}: whatever Natrium takes above it is Natrium's own.
 */
public final class JvmFloorServer {

    private static final byte[] INFO = "INFO {\"server_id\":\"FLOOR\",\"max_payload\":1048576}\r\n".getBytes(US_ASCII);
    private static final byte[] PONG = "PONG\r\n".getBytes(US_ASCII);

    private JvmFloorServer() {
    }

    /** {@code -a HOST -p PORT}, as {@link StartupTime} passes them; serves one client at a time until killed. */
    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = 4222;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("-a")) {
                host = args[i + 1];
            } else if (args[i].equals("-p")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress(host, port));
            while (true) {
                try (SocketChannel client = listening.accept()) {
                    client.write(ByteBuffer.wrap(INFO));
                    awaitPing(client);
                    client.write(ByteBuffer.wrap(PONG));
                    // Held open until the client leaves, as a server would.
                    while (client.read(ByteBuffer.allocate(256)) >= 0) {
                        continue;
                    }
                } catch (IOException clientGone) {
                    // the next client
                }
            }
        }
    }

    /** Reads until the client's input holds {@code PING}. */
    private static void awaitPing(SocketChannel client) throws IOException {
        StringBuilder seen = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(256);
        while (seen.indexOf("PING") < 0) {
            buffer.clear();
            if (client.read(buffer) < 0) {
                throw new IOException("gone before PING");
            }
            seen.append(new String(buffer.array(), 0, buffer.position(), US_ASCII));
        }
    }
}
