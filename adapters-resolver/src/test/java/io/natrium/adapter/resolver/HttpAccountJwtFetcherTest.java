package io.natrium.adapter.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The URL resolver's fetch against a test account server that answers, is slow, is down, or sends garbage. */
class HttpAccountJwtFetcherTest {

    private static final String ACCOUNT = "ADZ2DBCQ3NM3GXJ4NRTD4NDK3LMXRUZXR6FTJ3XVKS4JBJ3QWGUDBAYR";
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/jwt/v1/accounts/", exchange -> {
            String account = exchange.getRequestURI().getPath().substring("/jwt/v1/accounts/".length());
            reply(exchange, 200, "eyJ.jwt-of." + account);
        });
        server.createContext("/missing/", exchange -> reply(exchange, 404, "no such account"));
        server.createContext("/slow/", exchange -> {
            await();
            reply(exchange, 200, "eyJ.too.late");
        });
        server.createContext("/trickle/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write('e');
                body.flush();
                await();
            }
        });
        server.createContext("/huge/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 40; i++) {
                    body.write(chunk);
                }
            } catch (IOException cut) {
                // The client stops reading past its limit.
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void fetchesTheAccountUnderTheUrlWithOrWithoutItsSlash() throws IOException {
        assertThat(new HttpAccountJwtFetcher(base + "/jwt/v1/accounts/", TIMEOUT).fetch(ACCOUNT))
                .isEqualTo("eyJ.jwt-of." + ACCOUNT);
        assertThat(new HttpAccountJwtFetcher(base + "/jwt/v1/accounts", TIMEOUT).fetch(ACCOUNT))
                .isEqualTo("eyJ.jwt-of." + ACCOUNT);
    }

    @Test
    void anAnswerOtherThan200IsRefused() {
        assertThatThrownBy(() -> new HttpAccountJwtFetcher(base + "/missing", TIMEOUT).fetch(ACCOUNT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("could not fetch <\"" + base + "/missing/" + ACCOUNT + "\">: 404 Not Found");
    }

    @Test
    void aSlowServerIsGivenUpOnAtTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> new HttpAccountJwtFetcher(base + "/slow", TIMEOUT).fetch(ACCOUNT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new HttpAccountJwtFetcher(base + "/trickle", TIMEOUT).fetch(ACCOUNT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aServerThatIsDownIsRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> new HttpAccountJwtFetcher("http://127.0.0.1:" + closedPort + "/accounts", TIMEOUT)
                .fetch(ACCOUNT)).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("could not fetch");
    }

    @Test
    void anEndlessAnswerIsCutOffAtTheLimit() {
        assertThatThrownBy(() -> new HttpAccountJwtFetcher(base + "/huge", Duration.ofSeconds(10)).fetch(ACCOUNT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("larger than");
    }

    private void await() {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
