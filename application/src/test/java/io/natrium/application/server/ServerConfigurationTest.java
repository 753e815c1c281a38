package io.natrium.application.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.session.Sessions;
import io.natrium.application.settings.ServerSettings;

import org.junit.jupiter.api.Test;

/** A reload swaps settings, security and INFO as one value: a reader holding one sees them agree. */
class ServerConfigurationTest {

    @Test
    void aReloadReplacesTheWholeConfigurationAndLeavesTheOneAReaderHoldsAsItWas() {
        ServerContext server = new ServerContext(ServerSettings.defaults(),
                new ServerIdentity("NTESTSERVER", "test-server", "2.11.0", "java-test"), Runnable::run,
                ProtocolTracer.OFF);
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
