package io.natrium.bootstrap.client;

import static io.natrium.bootstrap.client.JnatsClients.TIMEOUT;
import static io.natrium.bootstrap.client.JnatsClients.await;
import static io.natrium.bootstrap.client.JnatsClients.bytes;
import static io.natrium.bootstrap.client.JnatsClients.connect;
import static io.natrium.bootstrap.client.JnatsClients.flush;
import static io.natrium.bootstrap.client.JnatsClients.options;
import static io.natrium.bootstrap.client.JnatsClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.Connection;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.support.Status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request/reply through jnats, including nats-server's no-responders status for a request nobody serves. */
class JnatsRequestReplyIT {

    /** A no-responders answer is a round trip; a timeout would take this long. */
    private static final Duration FAST = Duration.ofSeconds(1);

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @Test
    void requestIsAnsweredByADispatcherResponder() throws Exception {
        try (Connection responder = connect(SERVER.get()); Connection requester = connect(SERVER.get())) {
            serveEcho(responder, "echo", null, "echo: ");

            Message asynchronous = await(requester.request("echo", bytes("hello")));
            Message synchronous = requester.request("echo", bytes("again"), TIMEOUT);

            assertThat(text(asynchronous)).isEqualTo("echo: hello");
            assertThat(asynchronous.getSubject()).startsWith("_INBOX.");
            assertThat(synchronous).isNotNull();
            assertThat(text(synchronous)).isEqualTo("echo: again");
        }
    }

    @Test
    void concurrentRequestsToAQueueGroupOfRespondersAreEachAnsweredOnce() throws Exception {
        try (Connection first = connect(SERVER.get()); Connection second = connect(SERVER.get());
                Connection requester = connect(SERVER.get())) {
            serveEcho(first, "work", "responders", "first: ");
            serveEcho(second, "work", "responders", "second: ");

            List<CompletableFuture<Message>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(requester.request("work", bytes("r" + i)));
            }
            List<String> answers = new ArrayList<>();
            for (CompletableFuture<Message> future : futures) {
                answers.add(text(await(future)));
            }

            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i)).isIn("first: r" + i, "second: r" + i);
            }
            assertThat(answers).anyMatch(answer -> answer.startsWith("first: "))
                    .anyMatch(answer -> answer.startsWith("second: "));
            assertThat(first.getStatistics().getInMsgs() + second.getStatistics().getInMsgs()).isEqualTo(200);
        }
    }

    @Test
    void requestToASubjectNobodyServesIsCancelledFastByDefault() throws Exception {
        try (Connection requester = connect(SERVER.get())) {
            long start = System.nanoTime();
            CompletableFuture<Message> future = requester.request("nobody.home", bytes("anyone?"));

            assertThatThrownBy(() -> await(future)).isInstanceOf(CancellationException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            assertThat(future).isCancelled();
        }
    }

    @Test
    void requestToASubjectNobodyServesReportsNoResponders503() throws Exception {
        try (Connection requester = connect(options(SERVER.get()).reportNoResponders())) {
            long start = System.nanoTime();
            CompletableFuture<Message> future = requester.requestWithTimeout("nobody.home", bytes("anyone?"), TIMEOUT);

            assertThatThrownBy(() -> await(future))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(JetStreamStatusException.class, error -> {
                        assertThat(error.getStatus().getCode()).isEqualTo(Status.NO_RESPONDERS_CODE).isEqualTo(503);
                        assertThat(error.getStatus().getMessage()).isEqualTo(Status.NO_RESPONDERS_TEXT);
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
        }
    }

    @Test
    void noRespondersIsNotSentWhenTheClientDidNotAskForIt() throws Exception {
        try (Connection requester = connect(options(SERVER.get()).noNoResponders())) {
            CompletableFuture<Message> future = requester.request("nobody.home", bytes("anyone?"));
            // A 503 would have been written before the PONG that ends this round trip.
            flush(requester);

            assertThat(future).isNotDone();
            assertThat(requester.getStatistics().getInMsgs()).as("MSGs the server sent").isZero();
            future.cancel(true);
        }
    }

    private static void serveEcho(Connection responder, String subject, String queue, String prefix)
            throws Exception {
        var dispatcher = responder.createDispatcher(request ->
                responder.publish(request.getReplyTo(), bytes(prefix + text(request))));
        if (queue == null) {
            dispatcher.subscribe(subject);
        } else {
            dispatcher.subscribe(subject, queue);
        }
        flush(responder);
    }
}
