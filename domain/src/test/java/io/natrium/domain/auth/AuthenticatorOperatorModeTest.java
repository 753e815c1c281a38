package io.natrium.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.permission.Permissions;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuthenticatorOperatorModeTest {

    private final List<ClientCredentials> asked = new ArrayList<>();
    private final UserJwtAuthentication operatorMode = (credentials, type, nonce) -> {
        asked.add(credentials);
        return new Authenticated(AuthMethod.JWT, "UKEY", "AKEY", Permissions.unrestricted());
    };

    @Test
    void operatorModeRequiresAuthenticationAndANonceWithoutConfiguredUsers() {
        Authenticator authenticator = new Authenticator(AuthConfiguration.none(), (presented, hash) -> false,
                operatorMode);

        assertThat(authenticator.operatorMode()).isTrue();
        assertThat(authenticator.authRequired()).isTrue();
        assertThat(authenticator.nonceRequired()).isTrue();
    }

    @Test
    void everyConnectIsDecidedByTheUserJwtCheck() {
        Authenticator authenticator = new Authenticator(AuthConfiguration.none().withToken("t"),
                (presented, hash) -> false, operatorMode);
        ClientCredentials token = ClientCredentials.token("t");

        AuthDecision decision = authenticator.authenticate(token, ConnectionType.STANDARD, "n");

        assertThat(decision).isInstanceOf(Authenticated.class);
        assertThat(((Authenticated) decision).method()).isEqualTo(AuthMethod.JWT);
        assertThat(asked).containsExactly(token);
    }

    @Test
    void withoutOperatorModeNothingChanges() {
        Authenticator authenticator = new Authenticator(AuthConfiguration.none(), (presented, hash) -> false);

        assertThat(authenticator.operatorMode()).isFalse();
        assertThat(authenticator.authRequired()).isFalse();
        assertThat(authenticator.nonceRequired()).isFalse();
    }
}
