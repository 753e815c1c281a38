package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.server.ServerContext;
import io.natrium.application.service.ConnectClientService;
import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.PasswordVerifier;
import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.OutboundEvent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

/**
 * bcrypt is slow on purpose; a CONNECT checked against a bcrypt hash must not stall the other clients of the
 * connection's thread. The check runs on the authentication executor while the client's input is held, and a reload
 * that keeps the hash does not pay bcrypt again.
 */
class AuthenticationOffTheLoopTest {

    private final Queue<Runnable> authenticationQueue = new ArrayDeque<>();
    private final List<String> checked = new ArrayList<>();
    private final PasswordVerifier fakeBcrypt = (presented, hash) -> {
        checked.add(presented);
        return hash.equals(hash(presented));
    };

    private static String hash(String password) {
        return "$2a$04$" + password;
    }

    private static ServerSettings bobWithPassword(String password) {
        UserSettings bob = new UserSettings("bob", hash(password), null, null, Set.of(), false);
        return ServerSettings.builder().authorization(new AuthorizationSettings(null, null, null, Duration.ZERO,
                List.of(bob), null, null, false)).build();
    }

    private ServerContext server(ServerSettings settings, Executor authentication) {
        return new ServerContext(settings, SessionFixture.IDENTITY, Runnable::run, ProtocolTracer.OFF, fakeBcrypt,
                authentication);
    }

    private static ConnectRequest bob(String password) {
        return new ConnectRequest(false, false, null, null, "bob", password, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void aBcryptCheckRunsOnTheAuthenticationExecutorWhileTheClientsInputIsHeld() {
        ServerContext server = server(bobWithPassword("builder"), authenticationQueue::add);
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(server));
        client.received();

        client.connect(bob("builder"));

        assertThat(checked).as("nothing checked on the connection's thread").isEmpty();
        assertThat(client.session().awaitsAuthentication()).isTrue();
        assertThat(client.outbound().inputHeld()).isTrue();
        assertThat(authenticationQueue).hasSize(1);

        authenticationQueue.poll().run();
        assertThat(checked).containsExactly("builder");
        assertThat(client.session().awaitsAuthentication()).as("until the connection's thread takes the decision")
                .isTrue();
        client.runPending();

        assertThat(client.session().awaitsAuthentication()).isFalse();
        assertThat(client.outbound().inputHeld()).isFalse();
        assertThat(client.ping().received()).containsExactly(new OutboundEvent.Pong());
        assertThat(client.session().isClosed()).isFalse();
    }

    @Test
    void aWrongPasswordIsRefusedWhenTheCheckComesBack() {
        ServerContext server = server(bobWithPassword("builder"), authenticationQueue::add);
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(server));
        client.received();

        client.connect(bob("guess"));
        authenticationQueue.poll().run();
        client.runPending();

        assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.AUTHENTICATION_VIOLATION));
        assertThat(client.outbound().inputHeld()).isFalse();
    }

    @Test
    void aFullAuthenticationExecutorRefusesTheClientInsteadOfQueueingWithoutEnd() {
        ServerContext server = server(bobWithPassword("builder"), task -> {
            throw new RejectedExecutionException("full");
        });
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(server));
        client.received();

        client.connect(bob("builder"));

        assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.AUTHENTICATION_VIOLATION));
        assertThat(checked).isEmpty();
    }

    @Test
    void aReloadThatKeepsTheHashChecksNoPasswordAgainAndOneThatChangesItChecksOffTheLoop() {
        ServerContext server = server(bobWithPassword("builder"), Runnable::run);
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(server));
        client.connect(bob("builder"));
        client.received();
        checked.clear();

        Sessions.applySettings(server, bobWithPassword("builder").toBuilder().maxPayload(2048).build());
        client.runPending();

        assertThat(checked).as("the same hash: no bcrypt").isEmpty();
        assertThat(client.session().isClosed()).isFalse();

        Sessions.applySettings(server, bobWithPassword("changed"));
        client.runPending();

        assertThat(checked).containsExactly("builder");
        assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.AUTHENTICATION_VIOLATION));
    }

    @Test
    void aSecondConnectWithAnotherPasswordIsCheckedAgainThoughTheHashIsTheSame() {
        ServerContext server = server(bobWithPassword("builder"), Runnable::run);
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(server));
        client.connect(bob("builder"));
        client.received();
        checked.clear();

        client.connect(bob("guess"));

        assertThat(checked).containsExactly("guess");
        assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.AUTHENTICATION_VIOLATION));
    }

    @Test
    void aCheckWithoutBcryptIsDecidedAtOnce() {
        ServerContext server = server(
                ServerSettings.builder().authorization(a -> a.withUser("bob").withPassword("plain")).build(),
                authenticationQueue::add);
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(server));
        client.received();

        client.connect(bob("plain"));

        assertThat(authenticationQueue).isEmpty();
        assertThat(client.session().awaitsAuthentication()).isFalse();
        assertThat(client.ping().received()).containsExactly(new OutboundEvent.Pong());
    }
}
