package io.natrium.application.session;

import static io.natrium.application.session.Events.messages;
import static io.natrium.application.session.Events.msg;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.testkit.memory.InMemoryClient;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Queue groups: one member per group per message, chosen at random, never the publisher when echo is off. */
class QueueDeliveryTest {

    private final SessionFixture fixture = SessionFixture.withDefaults();

    @Test
    void eachGroupGetsEachMessageOnceAndPlainSubscribersGetEveryMessage() {
        List<InMemoryClient> workers = members("work", "workers", 3);
        List<InMemoryClient> auditors = members("work", "auditors", 2);
        InMemoryClient plain = fixture.connect().subscribe("work", null, "p");
        InMemoryClient publisher = fixture.connect();

        for (int i = 0; i < 100; i++) {
            publisher.publish("work", null, "job" + i);
        }

        assertThat(deliveredPayloads(workers)).containsExactlyInAnyOrderElementsOf(jobs(100));
        assertThat(deliveredPayloads(auditors)).containsExactlyInAnyOrderElementsOf(jobs(100));
        assertThat(messages(plain.received())).hasSize(100);
    }

    @Test
    void theMemberIsChosenAtRandom() {
        List<InMemoryClient> workers = members("work", "workers", 3);
        InMemoryClient publisher = fixture.connect();

        for (int i = 0; i < 1000; i++) {
            publisher.publish("work", null, "job" + i);
        }

        List<Integer> counts = workers.stream().map(worker -> messages(worker.received()).size()).toList();
        assertThat(counts).allSatisfy(count -> assertThat(count).isPositive());
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
    }

    @Test
    void aQueueMemberGetsTheMessageWithItsOwnSidAndTheReply() {
        InMemoryClient worker = fixture.connect().subscribe("work.*", "g", "42");

        fixture.connect().publish("work.a", "reply.to", "job");

        assertThat(worker.received()).containsExactly(msg("work.a", "42", "reply.to", "job"));
    }

    @Test
    void withEchoOffThePublishersOwnMemberIsSkippedAndAnotherChosen() {
        InMemoryClient publisher = fixture.connect(Connect.quiet().echo(false)).subscribe("work", "g", "mine");
        InMemoryClient other = fixture.connect().subscribe("work", "g", "theirs");

        for (int i = 0; i < 100; i++) {
            publisher.publish("work", null, "job" + i);
        }

        assertThat(publisher.received()).isEmpty();
        assertThat(messages(other.received())).hasSize(100);
    }

    @Test
    void withEchoOnThePublishersOwnMemberTakesItsShare() {
        InMemoryClient publisher = fixture.connect().subscribe("work", "g", "mine");
        InMemoryClient other = fixture.connect().subscribe("work", "g", "theirs");

        for (int i = 0; i < 200; i++) {
            publisher.publish("work", null, "job" + i);
        }

        int own = messages(publisher.received()).size();
        int theirs = messages(other.received()).size();
        assertThat(own).isPositive();
        assertThat(theirs).isPositive();
        assertThat(own + theirs).isEqualTo(200);
    }

    @Test
    void withEchoOffAndOnlyItsOwnMemberNobodyGetsTheMessage() {
        InMemoryClient publisher = fixture.connect(Connect.quiet().echo(false)).subscribe("work", "g", "mine");

        publisher.publish("work", null, "job");

        assertThat(publisher.received()).isEmpty();
    }

    @Test
    void anUnsubscribedMemberLeavesTheRotation() {
        List<InMemoryClient> workers = members("work", "g", 2);
        workers.get(0).unsubscribe("w0", -1);
        InMemoryClient publisher = fixture.connect();

        for (int i = 0; i < 50; i++) {
            publisher.publish("work", null, "job" + i);
        }

        assertThat(workers.get(0).received()).isEmpty();
        assertThat(messages(workers.get(1).received())).hasSize(50);
    }

    @Test
    void aMemberThatReachedItsMaximumLeavesTheRotation() {
        List<InMemoryClient> workers = members("work", "g", 2);
        workers.get(0).unsubscribe("w0", 3);
        InMemoryClient publisher = fixture.connect();

        for (int i = 0; i < 100; i++) {
            publisher.publish("work", null, "job" + i);
        }

        int first = messages(workers.get(0).received()).size();
        int second = messages(workers.get(1).received()).size();
        assertThat(first).isEqualTo(3);
        assertThat(second).isEqualTo(97);
    }

    /** One client per member, each subscribed to {@code subject} in {@code group} with sid w0, w1, ... */
    private List<InMemoryClient> members(String subject, String group, int count) {
        return IntStream.range(0, count).mapToObj(i -> fixture.connect().subscribe(subject, group, "w" + i))
                .toList();
    }

    private static List<String> deliveredPayloads(List<InMemoryClient> clients) {
        return clients.stream().flatMap(client -> messages(client.received()).stream()).map(msg -> msg.payload())
                .toList();
    }

    private static List<String> jobs(int count) {
        return IntStream.range(0, count).mapToObj(i -> "job" + i).toList();
    }
}
