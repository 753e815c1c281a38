package io.natrium.bootstrap.client;

import static io.natrium.bootstrap.client.JnatsClients.await;
import static io.natrium.bootstrap.client.JnatsClients.bytes;
import static io.natrium.bootstrap.client.JnatsClients.connect;
import static io.natrium.bootstrap.client.JnatsClients.flush;
import static io.natrium.bootstrap.client.JnatsClients.next;
import static io.natrium.bootstrap.client.JnatsClients.options;
import static io.natrium.bootstrap.client.JnatsClients.refusedConnectErrors;
import static io.natrium.bootstrap.client.JnatsClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Message headers through jnats: kept intact for clients that support them, cut off for those that do not. */
class JnatsHeadersIT {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @Test
    void headersArriveIntact() throws Exception {
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Subscription subscription = subscriber.subscribe("with.headers");
            flush(subscriber);

            publisher.publish("with.headers", "the.reply", headers(), bytes("payload"));
            Message message = next(subscription);

            assertThat(message.hasHeaders()).isTrue();
            assertThat(message.getHeaders().keySet()).containsExactlyInAnyOrder("Trace-Id", "Multi", "Empty-Value");
            assertThat(message.getHeaders().get("Trace-Id")).containsExactly("abc-123");
            assertThat(message.getHeaders().get("Multi")).containsExactly("one", "two", "three");
            assertThat(message.getHeaders().get("Empty-Value")).containsExactly("");
            assertThat(message.getReplyTo()).isEqualTo("the.reply");
            assertThat(text(message)).isEqualTo("payload");
            assertThat(message.isStatusMessage()).isFalse();
        }
    }

    @Test
    void headersWithAnEmptyPayloadArriveIntact() throws Exception {
        try (Connection nats = connect(SERVER.get())) {
            Subscription subscription = nats.subscribe("headers.only");
            nats.publish("headers.only", headers(), new byte[0]);
            Message message = next(subscription);

            assertThat(message.getHeaders().get("Multi")).containsExactly("one", "two", "three");
            assertThat(message.getData()).isEmpty();
        }
    }

    @Test
    void subscriberWithoutHeaderSupportReceivesThePayloadOnly() throws Exception {
        // jnats also announces no_responders unless told not to, and no_responders requires headers.
        try (Connection subscriber = connect(options(SERVER.get()).noHeaders().noNoResponders());
                Connection publisher = connect(SERVER.get())) {
            Subscription subscription = subscriber.subscribe("with.headers");
            flush(subscriber);

            publisher.publish("with.headers", headers(), bytes("payload only"));
            Message message = next(subscription);

            assertThat(message.hasHeaders()).isFalse();
            assertThat(text(message)).isEqualTo("payload only");
        }
    }

    @Test
    void requestAndReplyCarryHeadersBothWays() throws Exception {
        try (Connection responder = connect(SERVER.get()); Connection requester = connect(SERVER.get())) {
            responder.createDispatcher(request -> responder.publish(request.getReplyTo(),
                    new Headers().add("Echoed-Trace-Id", request.getHeaders().getFirst("Trace-Id")),
                    request.getData())).subscribe("headers.service");
            flush(responder);

            Message reply = await(requester.request("headers.service", headers(), bytes("ping")));

            assertThat(reply.getHeaders().get("Echoed-Trace-Id")).containsExactly("abc-123");
            assertThat(text(reply)).isEqualTo("ping");
        }
    }

    @Test
    void clientWithoutHeadersButWithNoRespondersIsRefused() {
        assertThat(refusedConnectErrors(options(SERVER.get()).noHeaders()))
                .containsExactly("no responders requires headers support");
    }

    private static Headers headers() {
        return new Headers().add("Trace-Id", "abc-123").add("Multi", "one", "two", "three").add("Empty-Value", "");
    }
}
