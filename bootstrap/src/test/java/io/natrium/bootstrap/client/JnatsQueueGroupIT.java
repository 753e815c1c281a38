package io.natrium.bootstrap.client;

import static io.natrium.bootstrap.client.JnatsClients.connect;
import static io.natrium.bootstrap.client.JnatsClients.flush;
import static io.natrium.bootstrap.client.JnatsClients.numbered;
import static io.natrium.bootstrap.client.JnatsClients.pendingTexts;
import static io.natrium.bootstrap.client.JnatsClients.publishAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Subscription;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queue groups through jnats: one member of each group gets each message, and the members share the load. */
class JnatsQueueGroupIT {

    private static final int MESSAGES = 300;

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    private final List<Connection> connections = new ArrayList<>();

    @AfterEach
    void closeConnections() throws InterruptedException {
        for (Connection connection : connections) {
            connection.close();
        }
    }

    @Test
    void eachMessageGoesToExactlyOneMemberOfEachGroupAndToEveryPlainSubscriber() throws Exception {
        List<Subscription> workers = members("jobs", "workers", 3);
        List<Subscription> auditors = members("jobs", "auditors", 2);
        Subscription plain = members("jobs", null, 1).get(0);
        Connection publisher = open();
        List<String> sent = numbered("job-", MESSAGES);

        publishAll(publisher, "jobs", sent);
        flushAll();

        assertDeliveredOncePerGroup(workers, sent);
        assertDeliveredOncePerGroup(auditors, sent);
        assertThat(pendingTexts(plain)).isEqualTo(sent);
    }

    @Test
    void membersOnOneConnectionAlsoShareTheMessages() throws Exception {
        Connection subscriber = open();
        List<Subscription> members = List.of(subscriber.subscribe("tasks.*", "pool"),
                subscriber.subscribe("tasks.*", "pool"));
        Connection publisher = open();
        List<String> sent = numbered("task-", MESSAGES);

        flush(subscriber);
        publishAll(publisher, "tasks.run", sent);
        flushAll();

        assertDeliveredOncePerGroup(members, sent);
    }

    @Test
    void aMemberThatLeavesGetsNoMoreMessages() throws Exception {
        List<Subscription> members = members("leave", "group", 2);
        Connection publisher = open();
        members.get(0).unsubscribe();
        flushAll();

        publishAll(publisher, "leave", numbered("after-", 20));
        flushAll();

        assertThat(pendingTexts(members.get(1))).isEqualTo(numbered("after-", 20));
    }

    /** Subscribes {@code count} connections to the subject, in the queue group unless it is null. */
    private List<Subscription> members(String subject, String queue, int count) throws Exception {
        List<Subscription> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Connection connection = open();
            members.add(queue == null ? connection.subscribe(subject) : connection.subscribe(subject, queue));
            flush(connection);
        }
        return members;
    }

    private Connection open() throws Exception {
        Connection connection = connect(SERVER.get());
        connections.add(connection);
        return connection;
    }

    /** Publishers first, then subscribers: afterwards every delivery is queued in the subscriptions. */
    private void flushAll() throws Exception {
        for (Connection connection : connections) {
            flush(connection);
        }
        for (Connection connection : connections) {
            flush(connection);
        }
    }

    private static void assertDeliveredOncePerGroup(List<Subscription> members, List<String> sent)
            throws InterruptedException {
        List<String> received = new ArrayList<>();
        for (Subscription member : members) {
            List<String> got = pendingTexts(member);
            assertThat(got).as("messages to a member of %s", member.getQueueName()).isNotEmpty();
            assertThat(sent).as("a member gets its share in publish order").containsSubsequence(got);
            received.addAll(got);
        }
        assertThat(received).as("every message exactly once in the group")
                .hasSize(sent.size())
                .containsExactlyInAnyOrderElementsOf(sent);
    }
}
