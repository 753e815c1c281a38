package io.natrium.application.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.server.ServerContext;
import io.natrium.application.service.ConnectClientService;
import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.application.settings.ProxiesSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.auth.AuthMethod;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.jwt.AuthorizationRequest;
import io.natrium.domain.jwt.CalloutProxy;
import io.natrium.domain.jwt.CalloutResponseCheck.Verdict;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.permission.SubjectPermission;
import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.OutboundEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * A CONNECT auth callout decides: the request is handed to the server's callouts and the client's input is held,
 * never its thread, until the decision comes back to that thread; the callout's own users bypass it.
 */
class AuthCalloutSessionTest {

    private static final AuthCalloutSettings CALLOUT = new AuthCalloutSettings(
            "ABJHLOVMPA4CI6R5KLNGOB4GSLNIY7IOUPAJC4YFNDLQVIOBYQGUWVLA", "AUTH", List.of("auth"), null, List.of());

    private record Asked(AuthorizationRequest client, CalloutProxy proxy, Duration timeout,
            Consumer<Verdict> decided) {
    }

    private static final Verdict REFUSED = Verdict.refusedAs("refused");

    private final NKeySeed trustedProxy = NKeySeed.generate(NKeyType.USER);
    private final List<Asked> asked = new ArrayList<>();
    private final ServerContext server = server(null);

    /** The server; with {@code noAuthUser}, a global user {@code guest} clients without credentials are taken as. */
    private ServerContext server(String noAuthUser) {
        AccountSettings auth = account("AUTH", new UserSettings("auth", "pwd", null, null, Set.of(), false));
        AccountSettings app = account("APP", new UserSettings("relayed", "pw", null, null, Set.of(), true));
        List<UserSettings> global = noAuthUser == null ? List.of()
                : List.of(new UserSettings(noAuthUser, "guestpw", null, null, Set.of(), false));
        ServerSettings settings = ServerSettings.builder()
                .proxies(new ProxiesSettings(List.of(trustedProxy.publicKey().encoded())))
                .accounts(accounts -> accounts.withAccounts(List.of(auth, app)).withNoAuthUser(noAuthUser))
                .authorization(new AuthorizationSettings(null, null, null, Duration.ofSeconds(3), global, null,
                        CALLOUT, false))
                .build();
        ServerContext context = new ServerContext(settings, SessionFixture.IDENTITY, Runnable::run);
        context.callouts((callout, client, proxy, timeout, decided) -> {
            assertThat(callout).isEqualTo(CALLOUT);
            asked.add(new Asked(client, proxy, timeout, decided));
        });
        return context;
    }

    private static AccountSettings account(String name, UserSettings... users) {
        return new AccountSettings(name, null, List.of(users), List.of(), List.of(), null, List.of(),
                AccountLimitSettings.unlimited(), null);
    }

    private InMemoryClient connected(String user, String password) {
        return connected(user, password, false);
    }

    /** A client whose CONNECT carries the trusted proxy's signature of its nonce when {@code relayed}. */
    private InMemoryClient connected(String user, String password, boolean relayed) {
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(server));
        String nonce = client.received().stream().filter(OutboundEvent.Info.class::isInstance)
                .map(event -> ((OutboundEvent.Info) event).info().nonce()).findFirst().orElseThrow();
        String proxySig = relayed ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(trustedProxy.sign(nonce.getBytes(UTF_8))) : null;
        client.connect(new ConnectRequest(false, false, null, null, user, password, "app", "java", "2.25.2", 1,
                null, null, null, null, null, null, null, null, proxySig));
        return client;
    }

    @Test
    void theClientWaitsWithItsInputHeldUntilTheGrantComesBackToItsThread() {
        InMemoryClient client = connected("alice", "secret");

        assertThat(asked).hasSize(1);
        AuthorizationRequest request = asked.get(0).client();
        assertThat(request.connect().user()).isEqualTo("alice");
        assertThat(request.connect().password()).isEqualTo("secret");
        assertThat(request.connect().lang()).isEqualTo("java");
        assertThat(request.client().user()).isEqualTo("alice");
        assertThat(request.client().type()).isEqualTo("nats");
        assertThat(asked.get(0).timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(client.session().awaitsAuthentication()).isTrue();
        assertThat(client.outbound().inputHeld()).isTrue();

        asked.get(0).decided().accept(new Verdict(new Authenticated(AuthMethod.CALLOUT, "alice-granted", "APP",
                Permissions.of(SubjectPermission.allowing("allowed.>"), null, null), null), null, false));
        assertThat(client.session().awaitsAuthentication()).as("until the connection's thread takes it").isTrue();
        client.runPending();

        assertThat(client.session().awaitsAuthentication()).isFalse();
        assertThat(client.outbound().inputHeld()).isFalse();
        assertThat(server.accounts().find("APP").connections()).isEqualTo(1);
        client.publish("denied.x", null, "no").ping();
        // (then the INFO a protocol-1 client gets after its first PONG)
        assertThat(client.received()).startsWith(
                new OutboundEvent.Err("Permissions Violation for Publish to \"denied.x\""), new OutboundEvent.Pong());
    }

    @Test
    void aRefusalOrNoAnswerTurnsTheClientAway() {
        InMemoryClient client = connected("bob", "guess");

        asked.get(0).decided().accept(REFUSED);
        client.runPending();

        assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.AUTHENTICATION_VIOLATION));
        assertThat(client.outbound().inputHeld()).isFalse();
    }

    @Test
    void theCalloutIsToldWhetherATrustedProxyVouchedForTheClient() {
        connected("alice", "secret", true);
        connected("alice", "secret", false);

        assertThat(asked).extracting(Asked::proxy).containsExactly(new CalloutProxy(false, true),
                new CalloutProxy(false, false));
    }

    @Test
    void aGrantRefusedForWantOfAProxyClosesAsProxyRequired() {
        InMemoryClient client = connected("alice", "secret");

        asked.get(0).decided().accept(new Verdict(null, "Proxy connection required", true));
        client.runPending();

        assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.PROXY_REQUIRED));
    }

    @Test
    void aUserThatRequiredAProxyThatDidNotVouchIsAskedAboutAndClosesAsProxyRequiredWhenRefused() {
        InMemoryClient unvouched = connected("relayed", "pw");
        connected("relayed", "pw", true);

        assertThat(asked).extracting(Asked::proxy).containsExactly(new CalloutProxy(true, false),
                new CalloutProxy(false, true));
        asked.get(0).decided().accept(REFUSED);
        unvouched.runPending();
        assertThat(unvouched.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.PROXY_REQUIRED));
    }

    @Test
    void authUsersAreDecidedByTheirOwnCredentialsAndMayNotPublishCalloutRequests() {
        InMemoryClient auth = connected("auth", "pwd");

        assertThat(asked).isEmpty();
        assertThat(auth.session().awaitsAuthentication()).isFalse();
        auth.publish("$SYS.REQ.USER.AUTH", "_INBOX.1", "forged").ping();
        assertThat(auth.received()).startsWith(
                new OutboundEvent.Err("Permissions Violation for Publish to \"$SYS.REQ.USER.AUTH\""),
                new OutboundEvent.Pong());

        connected("auth", "wrong");
        assertThat(asked).as("a wrong password of an auth user is refused without the callout").isEmpty();
    }

    @Test
    void aClientThatSendsNoConnectIsNotLetInPastTheCallout() {
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(server));
        client.received();
        boolean[] admitted = {true};

        // The decoder asks before any operation other than CONNECT; false ends in Authorization Violation.
        client.onLoop(session -> admitted[0] = session.admitBeforeConnect());

        assertThat(admitted[0]).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void aClientThatSendsNoConnectIsDecidedByTheCalloutAsTheNoAuthUserWithItsInputHeld() {
        ServerContext withGuest = server("guest");
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(withGuest));
        client.received();
        boolean[] admitted = {false};

        client.onLoop(session -> admitted[0] = session.admitBeforeConnect());

        assertThat(admitted[0]).as("the operation waits for the decision").isTrue();
        assertThat(asked).singleElement().satisfies(request ->
                assertThat(request.client().client().user()).isEqualTo("guest"));
        assertThat(client.session().awaitsAuthentication()).isTrue();
        assertThat(client.outbound().inputHeld()).isTrue();

        asked.get(0).decided().accept(new Verdict(new Authenticated(AuthMethod.CALLOUT, "guest-granted", "APP",
                Permissions.of(null, null, null), null), null, false));
        client.runPending();

        assertThat(client.session().awaitsAuthentication()).isFalse();
        assertThat(client.outbound().inputHeld()).isFalse();
        assertThat(withGuest.accounts().find("APP").connections()).isEqualTo(1);
    }

    @Test
    void aClientThatSendsNoConnectIsTurnedAwayWhenTheCalloutRefusesTheNoAuthUser() {
        InMemoryClient client = InMemoryClient.connect(new ConnectClientService(server("guest")));
        client.received();
        client.onLoop(session -> session.admitBeforeConnect());

        asked.get(0).decided().accept(REFUSED);
        client.runPending();

        assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.AUTHENTICATION_VIOLATION));
    }
}
