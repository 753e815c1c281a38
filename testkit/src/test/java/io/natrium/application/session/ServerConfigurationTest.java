package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;

import org.junit.jupiter.api.Test;

/** A reload swaps settings, security and INFO as one value: a reader holding one sees them agree. */
class ServerConfigurationTest {

    @Test
    void aReloadReplacesTheWholeConfigurationAndLeavesTheOneAReaderHoldsAsItWas() {
        SessionFixture fixture = SessionFixture.withDefaults();
        ServerContext server = fixture.server();
        ServerConfiguration before = server.configuration();

        Sessions.applySettings(server, ServerSettings.builder().maxPayload(2048)
                .authorization(a -> a.withToken("secret")).build());

        ServerConfiguration after = server.configuration();
        assertThat(after).isNotSameAs(before);
        assertThat(after.settings().maxPayload()).isEqualTo(2048);
        assertThat(after.info().maxPayload()).isEqualTo(2048);
        assertThat(after.security().authRequired()).isTrue();
        assertThat(after.info().authRequired()).isTrue();
        assertThat(before.settings().maxPayload()).isEqualTo(before.info().maxPayload()).isNotEqualTo(2048);
        assertThat(before.security().authRequired()).isFalse();
        assertThat(before.info().authRequired()).isFalse();
    }
}
