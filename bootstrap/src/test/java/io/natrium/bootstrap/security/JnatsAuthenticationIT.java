package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.bytes;
import static io.natrium.bootstrap.security.SecureClients.connect;
import static io.natrium.bootstrap.security.SecureClients.newUserKey;
import static io.natrium.bootstrap.security.SecureClients.next;
import static io.natrium.bootstrap.security.SecureClients.options;
import static io.natrium.bootstrap.security.SecureClients.publicKey;
import static io.natrium.bootstrap.security.SecureClients.refusal;
import static io.natrium.bootstrap.security.SecureClients.signingWith;
import static io.natrium.bootstrap.security.SecureClients.text;
import static io.natrium.bootstrap.security.SecureClients.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Options;
import io.nats.client.Subscription;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** jnats signs in to Natrium with every mechanism a configuration without JWTs offers. */
class JnatsAuthenticationIT {

    /** Go's bcrypt test vector: the hash of "allmine". */
    private static final String ALLMINE = "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga";
    private static final NKey MEMBER = newUserKey();
    private static final NKey STRANGER = newUserKey();

    private static ConfiguredServer users;
    private static ConfiguredServer token;

    @BeforeAll
    static void startServers() throws Exception {
        users = ConfiguredServer.start("""
                authorization {
                  users = [
                    {user: alice, password: s3cret}
                    {user: bob, password: "%s"}
                    {nkey: %s}
                  ]
                }
                """.formatted(ALLMINE, publicKey(MEMBER)));
        token = ConfiguredServer.start("authorization { token: \"" + ALLMINE + "\" }\n");
    }

    @AfterAll
    static void stopServers() throws Exception {
        users.close();
        token.close();
    }

    @Test
    void aUserWithAPlainPasswordConnectsAndExchangesMessages() throws Exception {
        try (Connection alice = connect(user(users, "alice", "s3cret"))) {
            Subscription subscription = alice.subscribe("greetings");
            alice.publish("greetings", bytes("hello"));

            assertThat(text(next(subscription))).isEqualTo("hello");
            assertThat(alice.getServerInfo().isAuthRequired()).isTrue();
        }
    }

    @Test
    void aUserWithABcryptPasswordConnects() throws Exception {
        try (Connection bob = connect(user(users, "bob", "allmine"))) {
            assertThat(bob.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedWithAuthorizationViolation() {
        for (Options.Builder options : new Options.Builder[] {user(users, "alice", "wrong"),
            user(users, "bob", ALLMINE), user(users, "carol", "s3cret"), options(users)}) {
            Exception refused = refusal(options);

            assertThat(refused).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("Authorization Violation");
        }
    }

    @Test
    void anNkeyUserSignsTheNonceOfItsInfo() throws Exception {
        try (Connection member = connect(options(users).authHandler(signingWith(MEMBER)))) {
            Subscription subscription = member.subscribe("signed");
            member.publish("signed", bytes("in"));

            assertThat(text(next(subscription))).isEqualTo("in");
        }
    }

    @Test
    void aKeyThatIsNotConfiguredIsRefused() {
        assertThat(refusal(options(users).authHandler(signingWith(STRANGER))))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("Authorization Violation");
    }

    @Test
    void aBcryptTokenLetsInTheClientThatKnowsItsSecret() throws Exception {
        try (Connection client = connect(options(token).token("allmine".toCharArray()))) {
            assertThat(client.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            assertThat(client.getServerInfo().getNonce()).as("no nkeys, no nonce").isNull();
        }
        assertThat(refusal(options(token).token("allmind".toCharArray())))
                .isInstanceOf(AuthenticationException.class);
    }
}
