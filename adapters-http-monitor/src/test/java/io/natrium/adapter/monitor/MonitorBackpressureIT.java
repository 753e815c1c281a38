package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitoring listener over real sockets, with a worker that can be held busy: a client pipelining requests
 * waits on its own socket instead of filling the worker's queue, requests over the queue's bound are answered 503 at
 * once, and a failing endpoint answers a bare 500.
 */
class MonitorBackpressureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int WAITING = 2;
    private static final Pattern RESPONSE = Pattern.compile("HTTP/1\\.1 (\\d{3}) [^\r]*\r\n(?:[^\r]+\r\n)*?"
            + "(?i:content-length): (\\d+)\r\n(?:[^\r]+\r\n)*\r\n");

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowStarted = new AtomicInteger();
    private final List<Socket> sockets = new ArrayList<>();
    private EventLoopGroup eventLoop;
    private ThreadPoolExecutor worker;
    private int port;

    @BeforeEach
    void start() throws InterruptedException {
        Map<String, Endpoint> endpoints = Map.of(
                "/slow", request -> {
                    slowStarted.incrementAndGet();
                    awaitRelease();
                    return MonitorResponse.json(("{\"n\":" + request.parameter("n") + "}")
                            .getBytes(StandardCharsets.UTF_8));
                },
                "/fast", request -> MonitorResponse.json("{}".getBytes(StandardCharsets.UTF_8)),
                "/fail", request -> {
                    throw new IllegalStateException("password=hunter2 at /etc/natrium.conf");
                });
        worker = MonitorWorker.start(WAITING, task -> new Thread(task, "monitor-worker-under-test"));
        eventLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Channel listening = new ServerBootstrap().group(eventLoop).channel(NioServerSocketChannel.class)
                .childHandler(new MonitorChannelInitializer(new MonitorRoutes("", endpoints), worker))
                .bind("127.0.0.1", 0).sync().channel();
        port = ((InetSocketAddress) listening.localAddress()).getPort();
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        for (Socket socket : sockets) {
            socket.close();
        }
        worker.shutdownNow();
        eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Test
    void aClientPipeliningRequestsWaitsOnItsOwnSocket() throws Exception {
        int flood = 500;
        Socket flooder = connect();
        StringBuilder requests = new StringBuilder();
        for (int n = 0; n < flood; n++) {
            requests.append("GET /slow?n=").append(n).append(" HTTP/1.1\r\nHost: localhost\r\n\r\n");
        }
        send(flooder, requests.toString());
        awaitSlowStarted(1);

        assertThat(worker.getQueue()).as("the flood's other requests are not queued").isEmpty();
        Socket other = connect();
        send(other, "GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");
        release.countDown();

        assertThat(read(other, 1)).extracting(Response::status).containsExactly(200);
        List<Response> answers = read(flooder, flood);
        for (int n = 0; n < flood; n++) {
            assertThat(answers.get(n).status()).isEqualTo(200);
            assertThat(answers.get(n).body()).as("in order").isEqualTo("{\"n\":" + n + "}");
        }
        assertThat(worker.getLargestPoolSize()).isEqualTo(1);
    }

    @Test
    void requestsOverTheQueuesBoundAreRefusedAtOnce() throws Exception {
        Socket busy = connect();
        send(busy, "GET /slow?n=1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
        awaitSlowStarted(1);
        List<Socket> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            Socket socket = connect();
            send(socket, "GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");
            waiting.add(socket);
        }
        awaitQueued(WAITING);

        Socket refused = connect();
        send(refused, "GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");
        Response answer = read(refused, 1).get(0);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("503 Service Unavailable");
        assertThat(worker.getQueue()).hasSize(WAITING);
        release.countDown();
        assertThat(read(busy, 1).get(0).status()).isEqualTo(200);
        for (Socket socket : waiting) {
            assertThat(read(socket, 1).get(0).status()).isEqualTo(200);
        }
        send(refused, "GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(read(refused, 1).get(0).status()).as("the refused connection is still served").isEqualTo(200);
    }

    @Test
    void oneConnectionServesRequestAfterRequest() throws Exception {
        Socket socket = connect();
        for (int i = 0; i < 3; i++) {
            send(socket, "GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(read(socket, 1).get(0).status()).as("request %d", i).isEqualTo(200);
        }
    }

    @Test
    void aFailingEndpointAnswersABare500() throws Exception {
        Socket socket = connect();
        send(socket, "GET /fail HTTP/1.1\r\nHost: localhost\r\n\r\nGET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n");

        List<Response> answers = read(socket, 2);

        assertThat(answers.get(0).status()).isEqualTo(500);
        assertThat(answers.get(0).body()).isEqualTo("500 Internal Server Error");
        assertThat(answers.get(0).raw()).doesNotContain("hunter2", "natrium.conf", "IllegalStateException");
        assertThat(answers.get(1).status()).as("the connection goes on").isEqualTo(200);
    }

    private void awaitRelease() {
        try {
            if (!release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitSlowStarted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (slowStarted.get() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertThat(slowStarted.get()).isEqualTo(count);
    }

    private void awaitQueued(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (worker.getQueue().size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertThat(worker.getQueue()).hasSize(count);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String requests) throws IOException {
        socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads exactly {@code count} responses. */
    private static List<Response> read(Socket socket, int count) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        List<Response> responses = new ArrayList<>();
        byte[] buffer = new byte[16384];
        int parsed = 0;
        while (responses.size() < count) {
            String text = received.toString(StandardCharsets.US_ASCII);
            Matcher head = RESPONSE.matcher(text);
            if (head.find(parsed) && head.start() == parsed
                    && text.length() >= head.end() + Integer.parseInt(head.group(2))) {
                int end = head.end() + Integer.parseInt(head.group(2));
                responses.add(new Response(Integer.parseInt(head.group(1)), text.substring(head.end(), end),
                        text.substring(parsed, end)));
                parsed = end;
                continue;
            }
            int read = in.read(buffer);
            assertThat(read).as("response %d of %d", responses.size() + 1, count).isPositive();
            received.write(buffer, 0, read);
        }
        return responses;
    }

    private record Response(int status, String body, String raw) {
    }
}
