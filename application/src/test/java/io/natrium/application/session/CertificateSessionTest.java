package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.TlsHandshake;
import io.natrium.application.port.TlsPeerCertificate;
import io.natrium.application.port.TlsState;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.application.settings.TlsVerifySettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.CertificateIdentity;
import io.natrium.domain.auth.CertificateIdentity.SubjectAttribute;
import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.OutboundEvent;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the session does with the client's certificate: {@code pinned_certs} and {@code verify_and_map}. */
class CertificateSessionTest {

    private static final String PIN = "a".repeat(64);
    private static final CertificateIdentity ALICE = new CertificateIdentity(List.of("alice@acme.test"), List.of(),
            List.of(), "CN=alice,O=Acme", List.of(List.of(new SubjectAttribute("2.5.4.10", "Acme")),
                    List.of(new SubjectAttribute("2.5.4.3", "alice"))));

    private static TlsSettings tls(boolean map, Set<String> pinned) {
        TlsSettings files = TlsSettings.ofFiles("c.pem", "k.pem", "ca.pem", true);
        return new TlsSettings(files.certificates(), new TlsVerifySettings(true, map, false, false, pinned),
                files.ciphers(), files.handshake(), files.certStore(), files.ocspPeer());
    }

    private static TlsHandshake.Completed handshake(String spki, CertificateIdentity identity) {
        return new TlsHandshake.Completed(new TlsState("1.3", "TLS_AES_128_GCM_SHA256",
                List.of(new TlsPeerCertificate("CN=alice,O=Acme", spki, "c".repeat(64), identity)), false));
    }

    private static ServerSettings.Builder users(ServerSettings.Builder builder, String... names) {
        List<UserSettings> users = java.util.Arrays.stream(names)
                .map(name -> new UserSettings(name, null, null, null, Set.of(), false)).toList();
        return builder.authorization(auth -> new AuthorizationSettings(auth.user(), auth.password(), auth.token(),
                auth.timeout(), users, auth.defaultPermissions(), auth.callout(), auth.proxyRequired()));
    }

    private static ConnectRequest connectAs(String user) {
        return new ConnectRequest(false, false, null, null, user, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void aPinnedKeyIsKeptAndAnotherClosedAsAHandshakeFailure() {
        SessionFixture fixture = SessionFixture.with(b -> b.tls(tls(false, Set.of(PIN))));
        InMemoryClient pinned = fixture.open();
        pinned.read(session -> session.tlsHandshake(handshake(PIN, ALICE)));
        assertThat(pinned.session().isClosed()).isFalse();

        InMemoryClient other = fixture.open();
        other.received();
        other.read(session -> session.tlsHandshake(handshake("b".repeat(64), ALICE)));
        assertThat(other.received()).containsExactly(new OutboundEvent.Closed(CloseReason.TLS_HANDSHAKE_ERROR));
    }

    @Test
    void theUserIsFoundFromTheCertificateAndShownAsTheClientsUser() {
        SessionFixture fixture = SessionFixture.with(b -> users(b.tls(tls(true, Set.of())), "O=Acme,CN=alice"));
        InMemoryClient client = fixture.open();
        client.received();
        client.read(session -> session.tlsHandshake(handshake(PIN, ALICE)));
        client.connect(connectAs("bob"));

        assertThat(client.session().isClosed()).isFalse();
        assertThat(SessionFixture.connection(client).authenticatedUser()).isEqualTo("O=Acme,CN=alice");
        assertThat(SessionFixture.connection(client).connectDetails().authorizedUser()).isEqualTo("O=Acme,CN=alice");
    }

    @Test
    void aCertificateNamingNobodyIsAnAuthorizationViolation() {
        SessionFixture fixture = SessionFixture.with(b -> users(b.tls(tls(true, Set.of())), "CN=bob"));
        InMemoryClient client = fixture.open();
        client.received();
        client.read(session -> session.tlsHandshake(handshake(PIN, ALICE)));
        client.connect(connectAs(null));

        assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.AUTHENTICATION_VIOLATION));
    }
}
