package io.natrium.bootstrap.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.browser.BrowserPage;
import io.natrium.testkit.browser.HeadlessChromium;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The {@code nats.ws} client in a real headless Chromium, against Natrium's ws port: a page (served over HTTP, as
 * browsers load ES modules only from a server) connects, subscribes and publishes, and lists what it received in the
 * DOM. A jnats client on the TCP port sees the browser's message, and the browser shows the jnats client's.
 */
class NatsWsBrowserIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Path PAGE = Path.of("src", "test", "node", "nats-ws", "browser.html");

    @Test
    void natsWsInChromiumTalksWithATcpClientThroughNatrium() throws Exception {
        Path module = NatsWsPackages.browserModule();
        HttpServer pages = servePage(module);
        try (ConfiguredServer server = ConfiguredServer.start("websocket { port: -1, no_tls: true }\n");
                Connection tcp = Nats.connect(new Options.Builder().server(server.url()).build());
                HeadlessChromium browser = HeadlessChromium.launch(ExternalTools.chromium(), TIMEOUT)) {
            Subscription fromBrowser = tcp.subscribe("from.browser");
            tcp.flush(TIMEOUT);

            String url = "http://127.0.0.1:" + pages.getAddress().getPort() + "/?server=ws://127.0.0.1:"
                    + server.websocketPort();
            BrowserPage page = browser.newPage(800, 600).navigate(url, TIMEOUT);
            page.await("document.getElementById('status').textContent === 'subscribed'"
                    + " || document.getElementById('status').textContent.startsWith('error')", TIMEOUT);
            assertThat(page.evaluate("document.getElementById('status').textContent").asText())
                    .as("the page's status").isEqualTo("subscribed");

            assertThat(text(fromBrowser.nextMessage(TIMEOUT))).as("what jnats received from the browser")
                    .isEqualTo("hello from the browser");

            tcp.publish("to.browser", "hello browser".getBytes(StandardCharsets.UTF_8));
            page.await("document.querySelectorAll('#received li').length > 0", TIMEOUT);
            assertThat(page.evaluate("[...document.querySelectorAll('#received li')].map(li => li.textContent)"
                    + ".join('|')").asText()).as("what the page shows it received").isEqualTo("hello browser");
            assertThat(page.errors()).as("errors in the browser's console").isEmpty();
        } finally {
            pages.stop(0);
        }
    }

    /** Serves the page at {@code /} and the nats.ws module at {@code /nats.js}, on the loopback. */
    private static HttpServer servePage(Path module) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] html = Files.readAllBytes(PAGE);
        byte[] script = Files.readAllBytes(module);
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/" -> send(exchange, 200, "text/html; charset=utf-8", html);
                // A module script must come with a JavaScript MIME type, or the browser refuses it.
                case "/nats.js" -> send(exchange, 200, "text/javascript; charset=utf-8", script);
                default -> send(exchange, 404, "text/plain", new byte[0]);
            }
        });
        http.start();
        return http;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String text(Message message) {
        assertThat(message).as("a message within " + TIMEOUT).isNotNull();
        return new String(message.getData(), StandardCharsets.UTF_8);
    }
}
