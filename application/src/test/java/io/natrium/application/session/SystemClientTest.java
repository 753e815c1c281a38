package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.ManualExecutor;
import io.natrium.testkit.memory.OutboundEvent;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The server's own client: it receives what clients publish to its subscriptions and answers them. */
class SystemClientTest {

    @Test
    void receivesARequestAndItsReplyReachesTheRequester() {
        SessionFixture fixture = SessionFixture.withDefaults();
        ManualExecutor thread = new ManualExecutor();
        SystemClient system = SystemClient.open(fixture.server(), fixture.server().globalAccount(), thread, 1);
        List<SystemClient.Received> requests = new ArrayList<>();
        thread.run(() -> system.subscribe("svc.ping", message -> {
            requests.add(message);
            system.publish(message.reply(), null, "pong".getBytes());
        }));
        InMemoryClient requester = fixture.connect();
        requester.subscribe("inbox", null, "1");

        requester.publish("svc.ping", "inbox", "x");
        thread.runUntilIdle();

        assertThat(requests).extracting(SystemClient.Received::subject).containsExactly("svc.ping");
        assertThat(requester.received()).containsExactly(new OutboundEvent.Msg("inbox", "1", null, null, "pong"));
    }
}
