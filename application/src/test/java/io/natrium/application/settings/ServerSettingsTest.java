package io.natrium.application.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.domain.auth.ConnectionType;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void defaultsAreNatsServers() {
        ServerSettings settings = ServerSettings.defaults();

        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(4222);
        assertThat(settings.serverName()).isNull();
        assertThat(settings.maxControlLine()).isEqualTo(4096);
        assertThat(settings.maxPayload()).isEqualTo(1024 * 1024);
        assertThat(settings.maxPending()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.maxConnections()).isEqualTo(64 * 1024);
        assertThat(settings.maxSubscriptions()).isZero();
        assertThat(settings.maxSubTokens()).isZero();
        assertThat(settings.limits().maxClosedClients()).isEqualTo(10_000);
        assertThat(settings.pingInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.maxPingsOut()).isEqualTo(2);
        assertThat(settings.writeDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.writes().timeoutPolicy()).isEqualTo(WriteTimeoutPolicy.DEFAULT);
        assertThat(settings.lameDuckDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.lameDuckGracePeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.authTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.logging()).isEqualTo(LoggingSettings.defaults());
        assertThat(settings.monitoring().enabled()).isFalse();
        assertThat(settings.websocket().enabled()).isFalse();
        assertThat(settings.mqtt().enabled()).isFalse();
        assertThat(settings.operator().enabled()).isFalse();
        assertThat(settings.tls()).isNull();
        assertThat(settings.authorization()).isEqualTo(AuthorizationSettings.none());
        assertThat(settings.accounts()).isEqualTo(AccountsSettings.none());
        assertThat(settings.origin()).isEqualTo(SettingsOrigin.defaults());
    }

    @Test
    void theFlatBuilderMethodsChangeTheirGroup() {
        ServerSettings settings = ServerSettings.builder().host("127.0.0.1").port(-1).serverName("n")
                .maxPayload(1).maxControlLine(2).maxPending(3).maxConnections(4).maxSubscriptions(5).maxSubTokens(6)
                .pingInterval(Duration.ofSeconds(7)).maxPingsOut(8).writeDeadline(Duration.ofSeconds(9))
                .noHeaderSupport(true).noSublistCache(true).lameDuckDuration(Duration.ofSeconds(40))
                .lameDuckGracePeriod(Duration.ofSeconds(11)).build();

        assertThat(settings.network()).isEqualTo(new NetworkSettings("127.0.0.1", -1, null, "n", false));
        assertThat(settings.limits()).isEqualTo(new LimitSettings(2, 1, 3, 4, 5, 6, 10_000));
        assertThat(settings.keepAlive()).isEqualTo(new KeepAliveSettings(Duration.ofSeconds(7), 8));
        assertThat(settings.writes().deadline()).isEqualTo(Duration.ofSeconds(9));
        assertThat(settings.lameDuck()).isEqualTo(new LameDuckSettings(Duration.ofSeconds(40), Duration.ofSeconds(11)));
        assertThat(settings.noHeaderSupport()).isTrue();
        assertThat(settings.noSublistCache()).isTrue();
        assertThat(settings.bindPort()).isZero();
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void groupsChangeThroughFunctions() {
        ServerSettings settings = ServerSettings.builder()
                .network(network -> network.withClientAdvertise("x:1").withProxyProtocol(true))
                .monitoring(monitoring -> monitoring.withHttpPort(8222).withHost("h").withBasePath("/b"))
                .processFiles(files -> files.withPidFile("p").withPortsFileDir("d"))
                .writes(writes -> writes.withTimeoutPolicy(WriteTimeoutPolicy.RETRY).withNoFastProducerStall(true))
                .profiling(profiling -> profiling.withPort(6060).withBlockRate(1))
                .accounts(accounts -> accounts.withNoAuthUser("u").withSystemAccount("S"))
                .build();

        assertThat(settings.network().clientAdvertise()).isEqualTo("x:1");
        assertThat(settings.network().proxyProtocol()).isTrue();
        assertThat(settings.monitoring()).isEqualTo(new MonitoringSettings("h", 8222, 0, "/b"));
        assertThat(settings.monitoring().enabled()).isTrue();
        assertThat(settings.processFiles()).isEqualTo(new ProcessFileSettings("p", "d", null));
        assertThat(settings.writes()).isEqualTo(new WriteSettings(Duration.ofSeconds(10), WriteTimeoutPolicy.RETRY,
                true));
        assertThat(settings.profiling()).isEqualTo(new ProfilingSettings(6060, 1));
        assertThat(settings.accounts().noAuthUser()).isEqualTo("u");
        assertThat(settings.accounts().systemAccount()).isEqualTo("S");
    }

    @Test
    void authTimeoutFollowsTlsUnlessSet() {
        TlsSettings tls = TlsSettings.ofFiles("c", "k", null, true);
        ServerSettings withTls = ServerSettings.builder().tls(tls).build();

        assertThat(withTls.authTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(withTls.toBuilder().authorization(new AuthorizationSettings(null, null, null,
                Duration.ofSeconds(5), List.of(), null, null, false)).build().authTimeout())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void loggingBuilderSetsEveryOption() {
        LoggingSettings logging = LoggingSettings.builder().debug(true).trace(true).traceVerbose(true)
                .traceHeaders(true).logTime(false).logTimeUtc(true).logFile("f").logSizeLimit(1).logMaxFiles(2)
                .syslog(true).remoteSyslog("r").maxTracedMsgLen(3).build();

        assertThat(logging).isEqualTo(new LoggingSettings(true, true, true, true, false, true, "f", 1, 2, true, "r",
                3));
        assertThat(logging.toBuilder().build()).isEqualTo(logging);
    }

    @Test
    void theOriginSaysWhatTheCommandLineSet() {
        SettingsOrigin origin = SettingsOrigin.defaults().withConfigFile("n.conf", "sha256:1")
                .withCommandLine(EnumSet.of(Setting.PORT, Setting.DEBUG));

        assertThat(origin.configFile()).isEqualTo("n.conf");
        assertThat(origin.fromCommandLine(Setting.PORT)).isTrue();
        assertThat(origin.fromCommandLine(Setting.HOST)).isFalse();
        assertThat(origin.commandLine()).containsExactly(Setting.PORT, Setting.DEBUG);
        assertThatThrownBy(() -> origin.commandLine().add(Setting.HOST))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(Setting.MAX_PAYLOAD.key()).isEqualTo("max_payload");
    }

    @Test
    void collectionsAreCopiedAndImmutable() {
        List<String> allowed = new java.util.ArrayList<>(List.of("a"));
        SubjectPermissionSettings permissions = SubjectPermissionSettings.allowing(allowed);
        allowed.add("b");

        assertThat(permissions.allow()).containsExactly("a");
        assertThat(new SubjectPermissionSettings(null, List.of()).allow()).isNull();
        UserSettings user = new UserSettings("u", null, null, null, Set.of(ConnectionType.MQTT), false);
        assertThat(user.identity()).isEqualTo("u");
        assertThat(user.withPermissions(new PermissionSettings(permissions, null, null)).permissions().publish())
                .isEqualTo(permissions);
        assertThatThrownBy(() -> user.allowedConnectionTypes().add(ConnectionType.STANDARD))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void passwordsAndTokensStayOutOfToString() {
        String text = ServerSettings.builder()
                .authorization(new AuthorizationSettings("u", "secret-1", "secret-2", Duration.ZERO,
                        List.of(new UserSettings("v", "secret-3", null, null, Set.of(), false)), null, null, false))
                .websocket(websocket -> new WebsocketSettings(null, 0, null, false, null, false, List.of(),
                        Duration.ZERO, false, new SimpleAuthSettings("w", "secret-4", "secret-5", Duration.ZERO),
                        websocket.cookies(), null, java.util.Map.of(), Duration.ZERO))
                .build().toString();

        assertThat(text).doesNotContain("secret").contains("user=u", "username=v", "user=w", "[REDACTED]");
    }
}
