package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.pub;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.conformance.Wire.Msg;
import io.natrium.testkit.RawClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queue groups: one member per group per message, beside plain subscribers, and echo:false members. */
class QueueGroupIT {

    @RegisterExtension
    static final ConformanceServer SERVER = ConformanceServer.withDefaults();

    private static final int MESSAGES = 300;

    @Test
    void eachMessageGoesToExactlyOneMemberAndEveryMemberGetsSome() throws IOException {
        List<RawClient> members = List.of(subscribe("SUB work q 1\r\n"), subscribe("SUB work q 2\r\n"),
                subscribe("SUB work q 3\r\n"));

        publish("work", MESSAGES);

        List<String> all = new ArrayList<>();
        for (RawClient member : members) {
            List<String> received = payloads(member);
            assertThat(received).as("one member's share").isNotEmpty();
            all.addAll(received);
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(numbers(MESSAGES));
    }

    @Test
    void plainSubscribersGetEveryMessageAndEachGroupGetsEveryMessageOnce() throws IOException {
        RawClient plain = subscribe("SUB mixed 1\r\n");
        RawClient groupOneA = subscribe("SUB mixed g1 2\r\n");
        RawClient groupOneB = subscribe("SUB mixed g1 3\r\n");
        RawClient groupTwo = subscribe("SUB mixed g2 4\r\nSUB mixed g2 5\r\n");

        publish("mixed", MESSAGES);

        assertThat(payloads(plain)).containsExactlyElementsOf(numbers(MESSAGES));
        List<String> groupOne = new ArrayList<>(payloads(groupOneA));
        groupOne.addAll(payloads(groupOneB));
        assertThat(groupOne).containsExactlyInAnyOrderElementsOf(numbers(MESSAGES));
        List<Msg> groupTwoMessages = Wire.messagesUntilPong(groupTwo);
        assertThat(groupTwoMessages).extracting(Msg::payload).containsExactlyInAnyOrderElementsOf(numbers(MESSAGES));
        assertThat(groupTwoMessages).extracting(Msg::sid).contains("4", "5");
    }

    @Test
    void withEchoOffThePublishersOwnMemberIsSkippedForAnother() throws IOException {
        RawClient noEcho = SERVER.session("{\"verbose\":false,\"pedantic\":false,\"echo\":false}")
                .send("SUB task q 1\r\n" + PING).expect(PONG);
        RawClient other = subscribe("SUB task q 2\r\n");

        noEcho.send(publications("task", 50) + PING).expect(PONG);

        assertThat(payloads(other)).containsExactlyElementsOf(numbers(50));
        assertThat(payloads(noEcho)).isEmpty();
    }

    @Test
    void aMemberThatUnsubscribedGetsNoMore() throws IOException {
        RawClient leaving = subscribe("SUB job q 1\r\nUNSUB 1\r\n");
        RawClient staying = subscribe("SUB job q 2\r\n");

        publish("job", 50);

        assertThat(payloads(staying)).containsExactlyElementsOf(numbers(50));
        assertThat(payloads(leaving)).isEmpty();
    }

    @Test
    void membersOfOneGroupNameShareMessagesAcrossTheirFilters() throws IOException {
        RawClient client = SERVER.quiet().send("SUB foo.* q 1\r\nSUB foo.bar q 2\r\nSUB other q 3\r\n" + PING)
                .expect(PONG);

        client.send(pub("foo.bar", "x") + pub("foo.baz", "y") + pub("other", "z"));

        List<Msg> received = Wire.messagesUntilPong(client);
        assertThat(received).extracting(Msg::payload).containsExactly("x", "y", "z");
        assertThat(received.get(0).sid()).isIn("1", "2");
        assertThat(received.get(1).sid()).isEqualTo("1");
        assertThat(received.get(2).sid()).isEqualTo("3");
    }

    private static RawClient subscribe(String subs) throws IOException {
        return SERVER.quiet().send(subs + PING).expect(PONG);
    }

    private static void publish(String subject, int count) throws IOException {
        SERVER.quiet().send(publications(subject, count) + PING).expect(PONG);
    }

    private static String publications(String subject, int count) {
        return numbers(count).stream().map(n -> pub(subject, n)).collect(Collectors.joining());
    }

    private static List<String> payloads(RawClient client) throws IOException {
        return Wire.messagesUntilPong(client).stream().map(Msg::payload).toList();
    }

    private static List<String> numbers(int count) {
        return IntStream.range(0, count).mapToObj(Integer::toString).toList();
    }
}
