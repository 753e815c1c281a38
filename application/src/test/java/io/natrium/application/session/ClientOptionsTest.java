package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.session.SessionFixture.Connect;

import org.junit.jupiter.api.Test;

/** CONNECT options start as nats-server's defaults and each CONNECT is applied on top, field by field. */
class ClientOptionsTest {

    private final ClientOptions options = new ClientOptions();

    @Test
    void defaultsAreVerbosePedanticAndEcho() {
        assertThat(options.verbose).isTrue();
        assertThat(options.pedantic).isTrue();
        assertThat(options.echo).isTrue();
        assertThat(options.headers).isFalse();
        assertThat(options.noResponders).isFalse();
        assertThat(options.protocol).isZero();
        assertThat(options.account).isEmpty();
        assertThat(options.newAccount).isFalse();
    }

    @Test
    void anEmptyConnectChangesNothing() {
        options.apply(ConnectRequest.empty());

        assertThat(options.verbose).isTrue();
        assertThat(options.pedantic).isTrue();
        assertThat(options.echo).isTrue();
    }

    @Test
    void aFieldLeftOutKeepsItsPreviousValue() {
        options.apply(Connect.empty().verbose(false).echo(false).headers(true).protocol(1).name("first").build());
        options.apply(Connect.empty().pedantic(false).name("second").build());

        assertThat(options.verbose).isFalse();
        assertThat(options.pedantic).isFalse();
        assertThat(options.echo).isFalse();
        assertThat(options.headers).isTrue();
        assertThat(options.protocol).isEqualTo(1);
        assertThat(options.name).isEqualTo("second");
    }

    @Test
    void aFieldGivenAgainOverridesIt() {
        options.apply(Connect.empty().verbose(false).headers(true).build());
        options.apply(Connect.empty().verbose(true).headers(false).protocol(0).build());

        assertThat(options.verbose).isTrue();
        assertThat(options.headers).isFalse();
        assertThat(options.protocol).isZero();
    }

    @Test
    void everyFieldOfTheRequestIsTaken() {
        options.apply(new ConnectRequest(false, false, true, "token", "user", "pass", "name", "java", "2.24.1", 1,
                false, true, true, "nkey", "jwt", "sig", "acc", true));

        assertThat(options.verbose).isFalse();
        assertThat(options.pedantic).isFalse();
        assertThat(options.tlsRequired).isTrue();
        assertThat(options.authToken).isEqualTo("token");
        assertThat(options.user).isEqualTo("user");
        assertThat(options.pass).isEqualTo("pass");
        assertThat(options.name).isEqualTo("name");
        assertThat(options.lang).isEqualTo("java");
        assertThat(options.version).isEqualTo("2.24.1");
        assertThat(options.protocol).isEqualTo(1);
        assertThat(options.echo).isFalse();
        assertThat(options.headers).isTrue();
        assertThat(options.noResponders).isTrue();
        assertThat(options.nkey).isEqualTo("nkey");
        assertThat(options.jwt).isEqualTo("jwt");
        assertThat(options.sig).isEqualTo("sig");
        assertThat(options.account).isEqualTo("acc");
        assertThat(options.newAccount).isTrue();
    }

    @Test
    void monitoringNamesAJwtClientByItsPublicKeyOnceAuthenticated() {
        ClientOptions options = new ClientOptions();
        options.jwt = "eyJ.user.jwt";

        assertThat(options.details().authorizedUser()).isEmpty();

        options.jwtSubject = "UABC";
        assertThat(options.details().authorizedUser()).isEqualTo("UABC");
    }
}
