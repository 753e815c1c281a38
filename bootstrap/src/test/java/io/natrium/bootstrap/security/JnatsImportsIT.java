package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.TIMEOUT;
import static io.natrium.bootstrap.security.SecureClients.bytes;
import static io.natrium.bootstrap.security.SecureClients.connect;
import static io.natrium.bootstrap.security.SecureClients.flush;
import static io.natrium.bootstrap.security.SecureClients.next;
import static io.natrium.bootstrap.security.SecureClients.text;
import static io.natrium.bootstrap.security.SecureClients.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** jnats clients of different accounts talk through exports and imports, and only through them. */
class JnatsImportsIT {

    private static ConfiguredServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ConfiguredServer.start("""
                accounts {
                  SHOP: {
                    users: [{user: shop, password: shop}]
                    exports: [
                      {service: "prices.*", accounts: [BUYER]}
                      {stream: "offers.>"}
                    ]
                  }
                  BUYER: {
                    users: [{user: buyer, password: buyer}]
                    imports: [
                      {service: {account: SHOP, subject: "prices.*"}, to: "ask.*"}
                      {stream: {account: SHOP, subject: "offers.>"}, prefix: "shop"}
                    ]
                  }
                  OTHER: {users: [{user: other, password: other}]}
                }
                """);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aRequestTravelsThroughAServiceImportAndItsAnswerComesBack() throws Exception {
        try (Connection shop = connect(user(server, "shop", "shop"));
             Connection buyer = connect(user(server, "buyer", "buyer"))) {
            shop.createDispatcher(request -> shop.publish(request.getReplyTo(),
                    bytes(request.getSubject() + " costs 3 for "
                            + request.getHeaders().getFirst("Nats-Request-Info")))).subscribe("prices.*");
            flush(shop);

            Message answer = buyer.request("ask.apples", bytes("how much?"), TIMEOUT);

            assertThat(answer).isNotNull();
            assertThat(text(answer)).startsWith("prices.apples costs 3 for {\"acc\":\"BUYER\",\"rtt\":");
        }
    }

    @Test
    void theServiceSeesAMappedReplyNotTheRequestersInbox() throws Exception {
        try (Connection shop = connect(user(server, "shop", "shop"));
             Connection buyer = connect(user(server, "buyer", "buyer"))) {
            Subscription requests = shop.subscribe("prices.*");
            flush(shop);

            buyer.publish("ask.pears", "_INBOX.buyer.1", bytes("?"));

            Message request = next(requests);
            assertThat(request.getSubject()).isEqualTo("prices.pears");
            assertThat(request.getReplyTo()).startsWith("_R_.").doesNotContain("_INBOX");
        }
    }

    @Test
    void aStreamArrivesUnderItsPrefixInTheImporterOnly() throws Exception {
        try (Connection shop = connect(user(server, "shop", "shop"));
             Connection buyer = connect(user(server, "buyer", "buyer"));
             Connection other = connect(user(server, "other", "other"))) {
            Subscription offers = buyer.subscribe("shop.offers.>");
            Subscription everything = other.subscribe(">");
            flush(buyer, other);

            shop.publish("offers.today", bytes("two for one"));
            flush(shop);

            Message offer = next(offers);
            assertThat(offer.getSubject()).isEqualTo("shop.offers.today");
            assertThat(text(offer)).isEqualTo("two for one");
            assertThat(everything.nextMessage(TIMEOUT.dividedBy(10))).as("OTHER imports nothing").isNull();
        }
    }

    @Test
    void anAccountWithoutTheImportCannotReachTheService() throws Exception {
        try (Connection shop = connect(user(server, "shop", "shop"));
             Connection other = connect(user(server, "other", "other"))) {
            Subscription requests = shop.subscribe("prices.*");
            flush(shop);

            other.publish("prices.apples", bytes("?"));
            other.publish("ask.apples", bytes("?"));
            flush(other);

            assertThat(requests.nextMessage(TIMEOUT.dividedBy(10))).isNull();
        }
    }
}
