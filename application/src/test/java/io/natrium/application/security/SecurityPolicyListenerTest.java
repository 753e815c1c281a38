package io.natrium.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.SimpleAuthSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.application.settings.TlsVerifySettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.auth.NonceGenerator;
import io.natrium.domain.auth.PasswordVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The MQTT listener's own authorization and no_auth_user, which apply to MQTT clients only (mqttConfigAuth). */
class SecurityPolicyListenerTest {

    private static final UserSettings DEV = new UserSettings("dev", "secret", null, null, Set.of(), false);

    private static ServerSettings settings(MqttSettings mqtt) {
        return ServerSettings.builder()
                .authorization(new AuthorizationSettings(null, null, null, Duration.ZERO, List.of(DEV), null, null,
                        false))
                .mqtt(mqtt).build();
    }

    private static SecurityPolicy policy(MqttSettings mqtt) {
        return SecurityPolicy.of(settings(mqtt), PasswordVerifier.rejectingHashes(), NonceGenerator.secure());
    }

    private static MqttSettings mqtt(SimpleAuthSettings auth, String noAuthUser) {
        return new MqttSettings(null, 1883, null, auth, noAuthUser, MqttDeliverySettings.defaults());
    }

    @Test
    void anMqttNoAuthUserLetsMqttClientsInWithoutCredentialsOnly() {
        SecurityPolicy policy = policy(mqtt(SimpleAuthSettings.none(), "dev"));

        assertThat(policy.forTransport(ConnectionType.MQTT).letsInWithoutConnect()).isTrue();
        assertThat(policy.forTransport(ConnectionType.STANDARD).letsInWithoutConnect()).isFalse();
        assertThat(policy.forTransport(ConnectionType.WEBSOCKET).letsInWithoutConnect()).isFalse();
    }

    @Test
    void anMqttTimeoutAppliesToMqttClientsOnly() {
        SecurityPolicy policy = policy(mqtt(new SimpleAuthSettings("m", "p", null, Duration.ofSeconds(7)), null));

        assertThat(policy.forTransport(ConnectionType.MQTT).authTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.forTransport(ConnectionType.STANDARD).authTimeout())
                .isEqualTo(SecurityPolicy.DEFAULT_AUTH_TIMEOUT);
        assertThat(policy.forTransport(ConnectionType.MQTT).advertisesAuthRequiredToClients()).isTrue();
    }

    @Test
    void withoutAnOverrideMqttClientsGoByTheServersPolicy() {
        SecurityPolicy policy = policy(mqtt(SimpleAuthSettings.none(), null));
        assertThat(policy.forTransport(ConnectionType.MQTT)).isSameAs(policy);

        SecurityPolicy disabled = policy(new MqttSettings(null, 0, null, SimpleAuthSettings.none(), "dev",
                MqttDeliverySettings.defaults()));
        assertThat(disabled.forTransport(ConnectionType.MQTT)).isSameAs(disabled);
    }

    @Test
    void mqttClientsAreMappedFromTheirCertificateByTheMqttBlocksTlsOnly() {
        TlsSettings mapping = mapping(TlsSettings.ofFiles("s.pem", "s.key", "ca.pem", true));
        SecurityPolicy policy = policy(new MqttSettings(null, 1883, mapping, SimpleAuthSettings.none(), null,
                MqttDeliverySettings.defaults()));

        assertThat(policy.forTransport(ConnectionType.MQTT).authenticator().configuration().certificateMapping())
                .isTrue();
        assertThat(policy.authenticator().configuration().certificateMapping()).isFalse();
    }

    @Test
    void theClientPortsCertificateMappingDoesNotApplyToMqttClients() {
        ServerSettings settings = settings(mqtt(SimpleAuthSettings.none(), null)).toBuilder()
                .tls(mapping(TlsSettings.ofFiles("s.pem", "s.key", "ca.pem", true))).build();
        SecurityPolicy policy = SecurityPolicy.of(settings, PasswordVerifier.rejectingHashes(),
                NonceGenerator.secure());

        assertThat(policy.authenticator().configuration().certificateMapping()).isTrue();
        assertThat(policy.forTransport(ConnectionType.MQTT).authenticator().configuration().certificateMapping())
                .isFalse();
    }

    private static TlsSettings mapping(TlsSettings tls) {
        return new TlsSettings(tls.certificates(), new TlsVerifySettings(true, true, false, false, Set.of()),
                tls.ciphers(), tls.handshake(), tls.certStore(), tls.ocspPeer());
    }
}
