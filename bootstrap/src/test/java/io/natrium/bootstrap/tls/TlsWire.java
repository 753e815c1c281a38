package io.natrium.bootstrap.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One client connection spoken byte by byte: the clear-text INFO, then whatever the test sends, upgraded to TLS
 * when it asks. Reads record what came back until the server closed or a time passed.
 */
final class TlsWire implements AutoCloseable {

    private final Socket plain;
    private Socket current;
    private final String info;

    private TlsWire(Socket plain, String info) {
        this.plain = plain;
        this.current = plain;
        this.info = info;
    }

    /** Connects and reads the INFO line the server sends in clear text. */
    static TlsWire connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (!line.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            line.write(b);
        }
        return new TlsWire(socket, line.toString(StandardCharsets.ISO_8859_1));
    }

    String info() {
        return info;
    }

    int localPort() {
        return plain.getLocalPort();
    }

    /** Starts TLS on the connection; throws what the handshake threw. */
    SSLSocket upgrade(SSLContext context) throws IOException {
        return upgrade(context, new String[0]);
    }

    /** With the client's suites in this order of preference (its JSSE defaults when none are named). */
    SSLSocket upgrade(SSLContext context, String... suites) throws IOException {
        return upgrade(context, tls -> {
            if (suites.length > 0) {
                tls.setEnabledCipherSuites(suites);
            }
        });
    }

    /** With the client's socket set up by {@code setup} before the handshake (its protocols, say). */
    SSLSocket upgrade(SSLContext context, Consumer<SSLSocket> setup) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost", plain.getPort(), true);
        setup.accept(tls);
        tls.setSoTimeout(5000);
        tls.startHandshake();
        current = tls;
        return tls;
    }

    TlsWire send(byte[] bytes) throws IOException {
        current.getOutputStream().write(bytes);
        current.getOutputStream().flush();
        return this;
    }

    TlsWire send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** What arrives within {@code wait}, then {@code <closed>} if the server closed. */
    String readFor(Duration wait) throws IOException {
        current.setSoTimeout((int) Math.max(1, wait.toMillis()));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                int n = current.getInputStream().read(buffer);
                if (n < 0) {
                    return received.toString(StandardCharsets.ISO_8859_1) + "<closed>";
                }
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException quiet) {
            // Nothing more within the time.
        } catch (IOException reset) {
            return received.toString(StandardCharsets.ISO_8859_1) + "<closed>";
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        current.close();
        plain.close();
    }
}
