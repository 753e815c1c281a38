package io.natrium.bootstrap.client;

import static io.natrium.bootstrap.client.JnatsClients.await;
import static io.natrium.bootstrap.client.JnatsClients.bytes;
import static io.natrium.bootstrap.client.JnatsClients.connect;
import static io.natrium.bootstrap.client.JnatsClients.flush;
import static io.natrium.bootstrap.client.JnatsClients.next;
import static io.natrium.bootstrap.client.JnatsClients.nextTexts;
import static io.natrium.bootstrap.client.JnatsClients.numbered;
import static io.natrium.bootstrap.client.JnatsClients.pendingSubjects;
import static io.natrium.bootstrap.client.JnatsClients.pendingTexts;
import static io.natrium.bootstrap.client.JnatsClients.publishAll;
import static io.natrium.bootstrap.client.JnatsClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Core publish/subscribe through jnats: plain and wildcard subscriptions, ordering, dispatchers, auto-unsubscribe. */
class JnatsPubSubIT {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @Test
    void messageReachesASubscriberOnAnotherConnection() throws Exception {
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Subscription subscription = subscriber.subscribe("orders.created");
            flush(subscriber);

            publisher.publish("orders.created", "reply.to.me", bytes("order 42"));
            Message message = next(subscription);

            assertThat(message.getSubject()).isEqualTo("orders.created");
            assertThat(message.getReplyTo()).isEqualTo("reply.to.me");
            assertThat(text(message)).isEqualTo("order 42");
            assertThat(message.hasHeaders()).isFalse();
            assertThat(message.getSubscription()).isSameAs(subscription);
        }
    }

    @Test
    void emptyPayloadIsDelivered() throws Exception {
        try (Connection nats = connect(SERVER.get())) {
            Subscription subscription = nats.subscribe("empty");
            nats.publish("empty", new byte[0]);

            assertThat(next(subscription).getData()).isEmpty();
        }
    }

    @Test
    void wildcardSubscriptionsMatchWholeTokens() throws Exception {
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Subscription oneToken = subscriber.subscribe("metrics.*");
            Subscription rest = subscriber.subscribe("metrics.>");
            Subscription middle = subscriber.subscribe("*.cpu.*");
            Subscription everything = subscriber.subscribe(">");
            flush(subscriber);

            for (String subject : List.of("metrics", "metrics.cpu", "metrics.cpu.load", "host.cpu.idle", "metrics.cpux",
                    "other.mem")) {
                publisher.publish(subject, bytes(subject));
            }
            flush(publisher, subscriber);

            assertThat(pendingSubjects(oneToken)).containsExactly("metrics.cpu", "metrics.cpux");
            assertThat(pendingSubjects(rest)).containsExactly("metrics.cpu", "metrics.cpu.load", "metrics.cpux");
            assertThat(pendingSubjects(middle)).containsExactly("metrics.cpu.load", "host.cpu.idle");
            assertThat(pendingSubjects(everything)).containsExactly("metrics", "metrics.cpu", "metrics.cpu.load",
                    "host.cpu.idle", "metrics.cpux", "other.mem");
        }
    }

    @Test
    void tenThousandMessagesArriveInOrderExactlyOnce() throws Exception {
        int count = 10_000;
        List<String> sent = numbered("message-", count);
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Subscription subscription = subscriber.subscribe("bulk.ordered");
            flush(subscriber);

            publishAll(publisher, "bulk.ordered", sent);
            List<String> received = nextTexts(subscription, count);
            flush(publisher, subscriber);

            assertThat(received).isEqualTo(sent);
            assertThat(subscription.getPendingMessageCount()).isZero();
            assertThat(subscriber.getStatistics().getInMsgs()).isEqualTo(count);
        }
    }

    @Test
    void dispatcherDeliversAsynchronouslyToDefaultAndOwnHandlers() throws Exception {
        int perSubject = 100;
        Queue<String> byDefaultHandler = new ConcurrentLinkedQueue<>();
        Queue<String> byOwnHandler = new ConcurrentLinkedQueue<>();
        CountDownLatch defaultDone = new CountDownLatch(2 * perSubject);
        CountDownLatch ownDone = new CountDownLatch(perSubject);
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Dispatcher dispatcher = subscriber.createDispatcher(message -> {
                byDefaultHandler.add(message.getSubject() + ":" + text(message));
                defaultDone.countDown();
            });
            dispatcher.subscribe("async.a");
            dispatcher.subscribe("async.b");
            dispatcher.subscribe("async.c", message -> {
                byOwnHandler.add(text(message));
                ownDone.countDown();
            });
            flush(subscriber);

            List<String> texts = numbered("n", perSubject);
            publishAll(publisher, "async.a", texts);
            publishAll(publisher, "async.c", texts);
            publishAll(publisher, "async.b", texts);
            await(defaultDone, "the default handler got every async.a and async.b message");
            await(ownDone, "the subscription's handler got every async.c message");

            assertThat(byOwnHandler).containsExactlyElementsOf(texts);
            assertThat(byDefaultHandler).hasSize(2 * perSubject)
                    .containsSubsequence(texts.stream().map(text -> "async.a:" + text).toList())
                    .containsSubsequence(texts.stream().map(text -> "async.b:" + text).toList());
            assertThat(dispatcher.isActive()).isTrue();
        }
    }

    @Test
    void autoUnsubscribeMakesTheServerStopAfterMax() throws Exception {
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Subscription subscription = subscriber.subscribe("limited");
            subscription.unsubscribe(5);
            flush(subscriber);

            publishAll(publisher, "limited", numbered("l", 10));
            flush(publisher, subscriber);

            assertThat(subscriber.getStatistics().getInMsgs()).as("MSGs the server sent").isEqualTo(5);
            assertThat(pendingTexts(subscription)).containsExactly("l0", "l1", "l2", "l3", "l4");
            assertThat(subscription.isActive()).isFalse();
        }
    }

    @Test
    void dispatcherAutoUnsubscribeMakesTheServerStopAfterMax() throws Exception {
        Queue<String> received = new ConcurrentLinkedQueue<>();
        CountDownLatch three = new CountDownLatch(3);
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Dispatcher dispatcher = subscriber.createDispatcher();
            Subscription subscription = dispatcher.subscribe("limited.async", message -> {
                received.add(text(message));
                three.countDown();
            });
            dispatcher.unsubscribe(subscription, 3);
            flush(subscriber);

            publishAll(publisher, "limited.async", numbered("d", 10));
            flush(publisher, subscriber);
            await(three, "three messages handled");

            assertThat(subscriber.getStatistics().getInMsgs()).as("MSGs the server sent").isEqualTo(3);
            assertThat(received).containsExactly("d0", "d1", "d2");
        }
    }

    @Test
    void unsubscribeStopsDelivery() throws Exception {
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Subscription gone = subscriber.subscribe("unsub.me");
            Subscription stays = subscriber.subscribe("unsub.*");
            flush(subscriber);
            publisher.publish("unsub.me", bytes("before"));
            flush(publisher, subscriber);

            gone.unsubscribe();
            flush(subscriber);
            publisher.publish("unsub.me", bytes("after"));
            flush(publisher, subscriber);

            assertThat(subscriber.getStatistics().getInMsgs()).as("MSGs the server sent").isEqualTo(3);
            assertThat(pendingTexts(stays)).containsExactly("before", "after");
        }
    }
}
