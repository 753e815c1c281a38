package io.natrium.embedded.jnats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.embedded.NatriumServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.ReadListener;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same jnats scenarios over TCP and over the in-process transport: the transport must not change what a
 * client sees, limits and slow consumers included.
 */
class JnatsTransportsIT {

    private static final Duration TIMEOUT = Transport.TIMEOUT;
    /** The monitor answers while a firehose saturates the machine: a loaded 2-core machine took over 5 s once. */
    private static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(Transport.class)
    void messagesArriveInOrder(Transport transport) throws Exception {
        try (NatriumServer server = NatriumServer.start();
                Connection subscriber = transport.connect(server);
                Connection publisher = transport.connect(server)) {
            Subscription subscription = subscriber.subscribe("orders.*");
            subscriber.flush(TIMEOUT);

            for (int i = 0; i < 1_000; i++) {
                publisher.publish("orders." + i, ("order " + i).getBytes(StandardCharsets.UTF_8));
            }
            publisher.flush(TIMEOUT);

            for (int i = 0; i < 1_000; i++) {
                Message message = subscription.nextMessage(TIMEOUT);
                assertThat(message).as("message %d", i).isNotNull();
                assertThat(message.getSubject()).isEqualTo("orders." + i);
                assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("order " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void largePayloadsCrossWhole(Transport transport) throws Exception {
        try (NatriumServer server = NatriumServer.start();
                Connection connection = transport.connect(server)) {
            Subscription subscription = connection.subscribe("blob");
            connection.flush(TIMEOUT);
            byte[] blob = new byte[900 * 1024];
            for (int i = 0; i < blob.length; i++) {
                blob[i] = (byte) (i * 31);
            }

            connection.publish("blob", blob);

            assertThat(subscription.nextMessage(TIMEOUT).getData()).isEqualTo(blob);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void requestsAreAnsweredAndNoRespondersReported(Transport transport) throws Exception {
        try (NatriumServer server = NatriumServer.start();
                Connection service = transport.connect(server);
                Connection client = transport.connect(server)) {
            Dispatcher dispatcher = service.createDispatcher(request -> service.publish(request.getReplyTo(),
                    ("hello " + new String(request.getData(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8)));
            dispatcher.subscribe("greet");
            service.flush(TIMEOUT);

            Message reply = client.request("greet", "bob".getBytes(StandardCharsets.UTF_8), TIMEOUT);

            assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("hello bob");
            // jnats cancels a request the server answers with no responders (503) instead of letting it time out.
            assertThatThrownBy(() -> client.requestWithTimeout("nobody.home", new byte[0], TIMEOUT)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(CancellationException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aQueueGroupGetsEachMessageOnce(Transport transport) throws Exception {
        try (NatriumServer server = NatriumServer.start();
                Connection first = transport.connect(server);
                Connection second = transport.connect(server);
                Connection publisher = transport.connect(server)) {
            Subscription one = first.subscribe("jobs", "workers");
            Subscription two = second.subscribe("jobs", "workers");
            first.flush(TIMEOUT);
            second.flush(TIMEOUT);

            for (int i = 0; i < 200; i++) {
                publisher.publish("jobs", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            }
            publisher.flush(TIMEOUT);
            first.flush(TIMEOUT);
            second.flush(TIMEOUT);

            List<String> received = new ArrayList<>();
            drain(one, received);
            drain(two, received);
            Set<String> distinct = new HashSet<>(received);
            assertThat(received).hasSize(200);
            assertThat(distinct).hasSize(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void headersArriveAsSent(Transport transport) throws Exception {
        try (NatriumServer server = NatriumServer.start();
                Connection connection = transport.connect(server)) {
            Subscription subscription = connection.subscribe("with.headers");
            connection.flush(TIMEOUT);
            Headers headers = new Headers().add("Trace-Id", "abc-123").add("Multi", "one", "two");

            connection.publish("with.headers", headers, "body".getBytes(StandardCharsets.UTF_8));

            Message message = subscription.nextMessage(TIMEOUT);
            assertThat(message.getHeaders().getFirst("Trace-Id")).isEqualTo("abc-123");
            assertThat(message.getHeaders().get("Multi")).containsExactly("one", "two");
            assertThat(message.getData()).asString(StandardCharsets.UTF_8).isEqualTo("body");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void permissionsRefuseWhatTheUserMayNotDo(Transport transport) throws Exception {
        String config = """
                authorization {
                  users = [
                    {user: limited, password: secret, permissions: {publish: "allowed.>", subscribe: "allowed.>"}}
                  ]
                }
                """;
        CompletableFuture<String> error = new CompletableFuture<>();
        ErrorListener listener = new ErrorListener() {
            @Override
            public void errorOccurred(Connection connection, String text) {
                error.complete(text);
            }
        };
        try (NatriumServer server = NatriumServer.builder().config(config).start();
                Connection connection = transport.connect(server,
                        options -> options.userInfo("limited", "secret").errorListener(listener))) {
            Subscription allowed = connection.subscribe("allowed.news");
            connection.flush(TIMEOUT);

            connection.publish("denied.news", new byte[] {1});
            connection.publish("allowed.news", new byte[] {2});

            assertThat(error.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo("Permissions Violation for Publish to \"denied.news\"");
            assertThat(allowed.nextMessage(TIMEOUT).getData()).containsExactly(2);
            assertThatThrownBy(() -> transport.connect(server, options -> options.userInfo("limited", "wrong")))
                    .hasMessageContaining("Authorization Violation");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSubscriberThatStopsReadingIsCutAsASlowConsumer(Transport transport) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ReadListener stalled = new ReadListener() {
            @Override
            public void protocol(String op, String text) {
                // Only messages stall the reader: the connect's INFO and PONG must pass.
            }

            @Override
            public void message(String op, Message message) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        String config = "max_pending: 262144\nmax_payload: 65536";
        try (NatriumServer server = NatriumServer.builder().monitoring().config(config).start();
                Connection subscriber = transport.connect(server, options -> options.readListener(stalled));
                Connection publisher = transport.connect(server)) {
            subscriber.subscribe("firehose");
            subscriber.flush(TIMEOUT);
            byte[] chunk = new byte[64 * 1024];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);

            // Published until the server gives up on the subscriber: how much that takes depends on the buffers
            // between them (a socket's, or the in-process window), not on the transport's behaviour.
            while (slowConsumers(server) == 0) {
                assertThat(System.nanoTime()).as("no slow consumer after 30 s").isLessThan(deadline);
                for (int i = 0; i < 64; i++) {
                    publisher.publish("firehose", chunk);
                }
                publisher.flush(TIMEOUT);
            }

            assertThat(slowConsumers(server)).isEqualTo(1);
            assertThat(monitor(server, "/connz?state=closed")).contains("Slow Consumer (Pending Bytes)");
            assertThat(publisher.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        } finally {
            release.countDown();
        }
    }

    private static void drain(Subscription subscription, List<String> into) throws InterruptedException {
        Message message;
        while ((message = subscription.nextMessage(Duration.ofMillis(100))) != null) {
            into.add(new String(message.getData(), StandardCharsets.UTF_8));
        }
    }

    private static long slowConsumers(NatriumServer server) throws Exception {
        Matcher matcher = Pattern.compile("\"slow_consumers\": (\\d+)").matcher(monitor(server, "/varz"));
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String monitor(NatriumServer server, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.monitorUrl() + path)).timeout(MONITOR_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return response.body();
    }
}
