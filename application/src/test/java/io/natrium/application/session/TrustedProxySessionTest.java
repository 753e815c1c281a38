package io.natrium.application.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.application.settings.ProxiesSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;
import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.OutboundEvent;

import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Trusted proxies as nats-server's {@code proxyCheck}: INFO carries a nonce for the proxy to sign, its signature in
 * CONNECT's {@code proxy_sig} lets {@code proxy_required} users in and names the proxy in monitoring, a signature no
 * trusted key verifies is {@code Proxy Not Trusted}, and a reload that removes the key closes what it vouched for.
 */
class TrustedProxySessionTest {

    private final NKeySeed proxy = NKeySeed.generate(NKeyType.USER);
    private final NKeySeed stranger = NKeySeed.generate(NKeyType.USER);

    private static ServerSettings settings(List<String> trustedKeys) {
        List<UserSettings> users = List.of(new UserSettings("relayed", "pw", null, null, Set.of(), true),
                new UserSettings("direct", "pw", null, null, Set.of(), false));
        return ServerSettings.builder().proxies(new ProxiesSettings(trustedKeys))
                .authorization(auth -> new AuthorizationSettings(auth.user(), auth.password(), auth.token(),
                        auth.timeout(), users, auth.defaultPermissions(), auth.callout(), auth.proxyRequired()))
                .build();
    }

    private SessionFixture trusting(NKeySeed... keys) {
        ServerSettings settings = settings(java.util.Arrays.stream(keys).map(k -> k.publicKey().encoded()).toList());
        return SessionFixture.with(builder -> settings.toBuilder());
    }

    private static ConnectRequest connect(String user, String proxySig) {
        return new ConnectRequest(false, false, null, null, user, "pw", null, null, null, null, null, null, null,
                null, null, null, null, null, proxySig);
    }

    /** Opens a client and returns the nonce of its INFO. */
    private static String nonceOf(InMemoryClient client) {
        return client.received().stream().filter(OutboundEvent.Info.class::isInstance)
                .map(event -> ((OutboundEvent.Info) event).info().nonce()).findFirst().orElseThrow();
    }

    private static String sign(NKeySeed key, String nonce) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(nonce.getBytes(UTF_8)));
    }

    private InMemoryClient relayed(SessionFixture fixture, NKeySeed key, String user) {
        InMemoryClient client = fixture.open();
        client.connect(connect(user, sign(key, nonceOf(client))));
        return client;
    }

    @Test
    void infoCarriesANonceOnlyWhenAProxyIsTrusted() {
        assertThat(nonceOf(trusting(proxy).open())).isNotEmpty();
        assertThat(SessionFixture.withDefaults().open().received()).first()
                .satisfies(info -> assertThat(((OutboundEvent.Info) info).info().nonce()).isNull());
    }

    @Test
    void aTrustedProxysSignatureLetsAProxyRequiredUserInAndNamesTheProxy() {
        InMemoryClient client = relayed(trusting(stranger, proxy), proxy, "relayed");

        assertThat(client.received()).isEmpty();
        assertThat(client.session().isClosed()).isFalse();
        assertThat(SessionFixture.connection(client).connectDetails().proxyKey())
                .isEqualTo(proxy.publicKey().encoded());
    }

    @Test
    void aProxyRequiredUserWithoutASignatureIsRefusedAsProxyRequired() {
        InMemoryClient client = trusting(proxy).open();
        client.received();
        client.connect(connect("relayed", null));

        assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.PROXY_REQUIRED));
    }

    @Test
    void aSignatureNoTrustedKeyVerifiesIsRefusedAsProxyNotTrustedWhateverTheUser() {
        InMemoryClient relayed = relayed(trusting(proxy), stranger, "relayed");
        InMemoryClient direct = relayed(trusting(proxy), stranger, "direct");
        InMemoryClient garbled = trusting(proxy).open();
        garbled.received();
        garbled.connect(connect("direct", "not base64!"));

        for (InMemoryClient client : List.of(relayed, direct, garbled)) {
            assertThat(client.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                    new OutboundEvent.Closed(CloseReason.PROXY_NOT_TRUSTED));
        }
    }

    @Test
    void withoutTrustedProxiesASignatureIsIgnoredAndProxyRequiredUsersAreRefused() {
        SessionFixture fixture = SessionFixture.with(builder -> settings(List.of()).toBuilder());
        InMemoryClient direct = fixture.open();
        direct.received();
        direct.connect(connect("direct", sign(proxy, "whatever")));
        InMemoryClient relayed = fixture.open();
        relayed.received();
        relayed.connect(connect("relayed", sign(proxy, "whatever")));

        assertThat(direct.received()).isEmpty();
        assertThat(SessionFixture.connection(direct).connectDetails().proxyKey()).isEmpty();
        assertThat(relayed.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.PROXY_REQUIRED));
    }

    @Test
    void aReloadThatRemovesTheKeyClosesWhatItVouchedForAndKeepsTheRest() {
        SessionFixture fixture = trusting(proxy, stranger);
        InMemoryClient viaProxy = relayed(fixture, proxy, "direct");
        InMemoryClient viaOther = relayed(fixture, stranger, "relayed");
        InMemoryClient direct = fixture.open();
        direct.received();
        direct.connect(connect("direct", null));
        List.of(viaProxy, viaOther, direct).forEach(InMemoryClient::received);

        Sessions.applySettings(fixture.server(), settings(List.of(stranger.publicKey().encoded())));
        List.of(viaProxy, viaOther, direct).forEach(InMemoryClient::runPending);

        assertThat(viaProxy.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.PROXY_NOT_TRUSTED));
        assertThat(viaOther.session().isClosed()).isFalse();
        assertThat(direct.session().isClosed()).isFalse();

        Sessions.applySettings(fixture.server(), settings(List.of()));
        List.of(viaOther, direct).forEach(InMemoryClient::runPending);

        assertThat(viaOther.received()).containsExactly(new OutboundEvent.Err("Authorization Violation"),
                new OutboundEvent.Closed(CloseReason.PROXY_NOT_TRUSTED));
        assertThat(direct.session().isClosed()).isFalse();
    }
}
