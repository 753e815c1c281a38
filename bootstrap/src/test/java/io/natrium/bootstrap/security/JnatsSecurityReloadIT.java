package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.TIMEOUT;
import static io.natrium.bootstrap.security.SecureClients.bytes;
import static io.natrium.bootstrap.security.SecureClients.connect;
import static io.natrium.bootstrap.security.SecureClients.flush;
import static io.natrium.bootstrap.security.SecureClients.next;
import static io.natrium.bootstrap.security.SecureClients.refusal;
import static io.natrium.bootstrap.security.SecureClients.text;
import static io.natrium.bootstrap.security.SecureClients.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.bootstrap.security.SecureClients.Errors;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Subscription;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A reload changes users and permissions under connected jnats clients, as SIGHUP does in nats-server. */
class JnatsSecurityReloadIT {

    private static final String BEFORE = """
            authorization {
              users = [
                {user: alice, password: one}
                {user: bob, password: two}
                {user: carol, password: three, permissions: {subscribe: ["news.>", "weather"]}}
              ]
            }
            """;

    private ConfiguredServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = ConfiguredServer.start(BEFORE);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aUserRemovedByAReloadIsDisconnectedAndTheOthersStay() throws Exception {
        Closed closed = new Closed();
        try (Connection alice = connect(user(server, "alice", "one").connectionListener(closed));
             Connection bob = connect(user(server, "bob", "two"))) {

            reload(BEFORE.replace("{user: alice, password: one}", ""));

            closed.await();
            assertThat(alice.getStatus()).isEqualTo(Connection.Status.CLOSED);
            flush(bob);
            assertThat(bob.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            assertThat(refusal(user(server, "alice", "one"))).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aChangedPasswordDisconnectsTheOldSessionAndAdmitsTheNewPassword() throws Exception {
        Closed closed = new Closed();
        try (Connection old = connect(user(server, "bob", "two").connectionListener(closed))) {

            reload(BEFORE.replace("password: two", "password: changed"));

            closed.await();
            assertThat(refusal(user(server, "bob", "two"))).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("Authorization Violation");
            try (Connection renewed = connect(user(server, "bob", "changed"))) {
                assertThat(renewed.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            }
        }
    }

    @Test
    void aSubscriptionThatLosesItsPermissionIsRemovedWithItsSid() throws Exception {
        Errors errors = new Errors();
        try (Connection carol = connect(user(server, "carol", "three").errorListener(errors));
             Connection alice = connect(user(server, "alice", "one"))) {
            Subscription news = carol.subscribe("news.>");
            Subscription weather = carol.subscribe("weather");
            flush(carol);

            reload(BEFORE.replace("\"news.>\", ", ""));

            assertThat(errors.next()).matches("Permissions Violation for Subscription to \"news\\.>\" \\(sid \"\\d+\"\\)");
            alice.publish("news.today", bytes("gone"));
            alice.publish("weather", bytes("still here"));
            flush(alice);
            assertThat(text(next(weather))).isEqualTo("still here");
            assertThat(news.nextMessage(TIMEOUT.dividedBy(10))).isNull();
            assertThat(carol.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    @Test
    void mappingsAndImportsChangedByAReloadApplyToConnectedClients() throws Exception {
        try (Connection alice = connect(user(server, "alice", "one"))) {
            Subscription renamed = alice.subscribe("new.>");
            flush(alice);

            reload(BEFORE + "mappings = {\"old.>\": \"new.>\"}\n");
            alice.publish("old.a", bytes("mapped after the reload"));

            assertThat(next(renamed).getSubject()).isEqualTo("new.a");
        }
        String accounts = """
                accounts {
                  E: {users: [{user: e, password: e}], exports: [{stream: "ticks.>"}]}
                  I: {users: [{user: i, password: i}]%s}
                }
                """;
        reload(BEFORE + accounts.formatted(""));
        try (Connection exporter = connect(user(server, "e", "e"));
             Connection importer = connect(user(server, "i", "i"))) {
            Subscription ticks = importer.subscribe("ticks.>");
            flush(importer);

            reload(BEFORE + accounts.formatted(", imports: [{stream: {account: E, subject: \"ticks.>\"}}]"));
            exporter.publish("ticks.a", bytes("imported since the reload"));

            assertThat(text(next(ticks))).isEqualTo("imported since the reload");
        }
    }

    private void reload(String configuration) throws Exception {
        assertThat(server.reload(configuration)).isInstanceOf(ReloadResult.Reloaded.class);
    }

    /** Opens when jnats reports its connection closed. */
    private static final class Closed implements io.nats.client.ConnectionListener {

        private final CountDownLatch latch = new CountDownLatch(1);

        @Override
        public void connectionEvent(Connection connection, Events event) {
            if (event == Events.CLOSED) {
                latch.countDown();
            }
        }

        void await() throws InterruptedException {
            assertThat(latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("the connection closed").isTrue();
        }
    }
}
