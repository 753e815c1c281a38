package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.adapter.tls.ServerTls;
import io.natrium.adapter.tls.ServerTlsFactory;
import io.natrium.application.settings.TlsSettings;
import io.natrium.testkit.tls.TlsFiles;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS monitoring pipeline over real sockets with generated certificates: requests answered over TLS one after
 * another on a connection, no client certificate asked for under {@code verify}, Go's clear-text 400 to plain HTTP,
 * an oversized first record refused with Go's alert, a reload's TLS taken by the next handshake, and no TLS at all
 * (a reload that removed it) refused.
 */
class HttpsMonitorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path directory;
    private TlsFiles files;
    private final AtomicReference<ServerTls> tls = new AtomicReference<>();
    private EventLoopGroup eventLoop;
    private ExecutorService worker;
    private int port;

    @BeforeEach
    void start() throws Exception {
        files = TlsFiles.create(directory);
        tls.set(ServerTlsFactory.build(TlsSettings.ofFiles(files.serverCert().toString(),
                files.serverKey().toString(), files.caFile().toString(), true)));
        Map<String, Endpoint> endpoints = Map.of("/fast",
                request -> MonitorResponse.json("{\"ok\":true}".getBytes(StandardCharsets.UTF_8)));
        worker = MonitorWorker.start(4, task -> new Thread(task, "https-monitor-worker-under-test"));
        eventLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Channel listening = new ServerBootstrap().group(eventLoop).channel(NioServerSocketChannel.class)
                .childHandler(new MonitorChannelInitializer(new MonitorRoutes("", endpoints), worker, tls::get))
                .bind("127.0.0.1", 0).sync().channel();
        port = ((InetSocketAddress) listening.localAddress()).getPort();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Test
    void answersRequestAfterRequestOverTlsWithoutAskingForAClientCertificate() throws Exception {
        try (SSLSocket socket = tlsSocket()) {
            for (int i = 0; i < 3; i++) {
                send(socket, "GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(readResponse(socket)).as("request %d", i).startsWith("HTTP/1.1 200 OK")
                        .endsWith("{\"ok\":true}");
            }
            assertThat(socket.getSession().getPeerCertificates()).isNotEmpty();
            assertThat(socket.getSession().getLocalCertificates()).as("no client certificate was asked for").isNull();
        }
    }

    @Test
    void plainHttpGetsGosClearTextRefusal() throws Exception {
        try (Socket socket = plainSocket()) {
            send(socket, "GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");

            assertThat(readUntilClosed(socket))
                    .isEqualTo("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n");
        }
    }

    @Test
    void anOversizedFirstRecordGetsGosRecordOverflowAlert() throws Exception {
        try (Socket socket = plainSocket()) {
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, (byte) 0xff, (byte) 0xff, 1, 2, 3});

            assertThat(readUntilClosed(socket)).isEqualTo("\u0015\u0003\u0001\u0000\u0002\u0002\u0016");
        }
    }

    @Test
    void theNextHandshakeTakesAReloadedCertificate() throws Exception {
        TlsFiles other = TlsFiles.create(Files.createDirectories(directory.resolve("other")));
        tls.set(ServerTlsFactory.build(TlsSettings.ofFiles(other.serverCert().toString(),
                other.serverKey().toString(), null, false)));

        assertThatThrownBy(this::tlsSocket).as("the old CA no longer vouches for the server")
                .isInstanceOf(IOException.class);
        try (SSLSocket socket = (SSLSocket) other.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            send(socket, "GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(readResponse(socket)).startsWith("HTTP/1.1 200 OK");
        }
    }

    @Test
    void withoutTlsInForceConnectionsAreClosed() throws Exception {
        tls.set(null);
        try (Socket socket = plainSocket()) {
            assertThat(readUntilClosed(socket)).isEmpty();
        }
    }

    private SSLSocket tlsSocket() throws IOException {
        SSLSocket socket = (SSLSocket) files.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        socket.startHandshake();
        return socket;
    }

    private Socket plainSocket() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** One response with a Content-Length body. */
    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int at = headers.toLowerCase(Locale.ROOT).indexOf("content-length: ");
        int length = Integer.parseInt(headers.substring(at + 16, headers.indexOf('\r', at)));
        return headers + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try {
            for (int n = socket.getInputStream().read(buffer); n >= 0; n = socket.getInputStream().read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("still open; received " + received.toString(StandardCharsets.ISO_8859_1), e);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
