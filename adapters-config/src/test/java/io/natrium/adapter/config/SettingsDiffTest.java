package io.natrium.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;
import io.natrium.application.settings.SimpleAuthSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.application.settings.TlsVerifySettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.application.settings.WebsocketSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsDiffTest {

    private static final ServerSettings RUNNING = ServerSettings.builder().port(4222).serverName("a").build();
    private static final TlsSettings TLS = TlsSettings.ofFiles("c", "k", null, false);

    private static Arguments change(Setting setting, UnaryOperator<ServerSettings.Builder> change) {
        return Arguments.of(setting, change);
    }

    static Stream<Arguments> reloadable() {
        return Stream.of(
                change(Setting.DEBUG, b -> b.logging(l -> l.toBuilder().debug(true).build())),
                change(Setting.TRACE, b -> b.logging(l -> l.toBuilder().trace(true).build())),
                change(Setting.TRACE_VERBOSE, b -> b.logging(l -> l.toBuilder().traceVerbose(true).build())),
                change(Setting.TRACE_HEADERS, b -> b.logging(l -> l.toBuilder().traceHeaders(true).build())),
                change(Setting.LOGTIME, b -> b.logging(l -> l.toBuilder().logTime(false).build())),
                change(Setting.LOGTIME_UTC, b -> b.logging(l -> l.toBuilder().logTimeUtc(true).build())),
                change(Setting.LOGFILE, b -> b.logging(l -> l.toBuilder().logFile("n.log").build())),
                change(Setting.SYSLOG, b -> b.logging(l -> l.toBuilder().syslog(true).build())),
                change(Setting.REMOTE_SYSLOG, b -> b.logging(l -> l.toBuilder().remoteSyslog("udp://x").build())),
                change(Setting.MAX_TRACED_MSG_LEN, b -> b.logging(l -> l.toBuilder().maxTracedMsgLen(9).build())),
                change(Setting.TLS, b -> b.tls(TLS)),
                change(Setting.USER, b -> b.authorization(a -> a.withUser("u"))),
                change(Setting.PASSWORD, b -> b.authorization(a -> a.withPassword("p"))),
                change(Setting.TOKEN, b -> b.authorization(a -> a.withToken("t"))),
                change(Setting.USERS, b -> b.authorization(users(List.of(user("x"))))),
                change(Setting.ACCOUNTS, b -> b.accounts(a -> a.withAccounts(List.of(AccountSettings.named("A"))))),
                change(Setting.DEFAULT_SENTINEL, b -> b.accounts(a -> a.withDefaultSentinel("jwt"))),
                change(Setting.MAX_CONNECTIONS, b -> b.maxConnections(5)),
                change(Setting.MAX_CONTROL_LINE, b -> b.maxControlLine(1024)),
                change(Setting.MAX_PAYLOAD, b -> b.maxPayload(1024)),
                change(Setting.PING_INTERVAL, b -> b.pingInterval(Duration.ofSeconds(5))),
                change(Setting.PING_MAX, b -> b.maxPingsOut(5)),
                change(Setting.WRITE_DEADLINE, b -> b.writeDeadline(Duration.ofSeconds(5))),
                change(Setting.PIDFILE, b -> b.processFiles(f -> f.withPidFile("n.pid"))),
                change(Setting.PORTS_FILE_DIR, b -> b.processFiles(f -> f.withPortsFileDir("/run"))),
                change(Setting.CLIENT_ADVERTISE, b -> b.network(n -> n.withClientAdvertise("x:1"))),
                change(Setting.WEBSOCKET, b -> b.websocket(withTls(WebsocketSettings.disabled()))),
                change(Setting.MQTT, b -> b.mqtt(mqttAckWait(Duration.ofSeconds(9)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reloadable")
    void appliesWhatNatsServerReloads(Setting setting, UnaryOperator<ServerSettings.Builder> change) {
        SettingsDiff diff = SettingsDiff.between(RUNNING, change.apply(RUNNING.toBuilder()).build());

        assertThat(diff.changes()).extracting(SettingChange::setting).contains(setting);
        assertThat(diff.canReload()).isTrue();
        assertThat(diff.reloadable()).isEqualTo(diff.changes());
        assertThat(diff.errors()).isEmpty();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.host("127.0.0.1"),
                        "config reload not supported for Host: old=0.0.0.0, new=127.0.0.1"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.port(4333),
                        "config reload not supported for Port: old=4222, new=4333"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.serverName("b"),
                        "config reload not supported for ServerName: old=a, new=b"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.serverName(null),
                        "config reload not supported for ServerName: old=a, new="),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.maxPending(1),
                        "config reload not supported for MaxPending: old=67108864, new=1"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.maxSubscriptions(1),
                        "config reload not supported for MaxSubs: old=0, new=1"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.lameDuckGracePeriod(Duration.ofSeconds(1)),
                        "config reload not supported for LameDuckGracePeriod: old=10s, new=1s"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.noHeaderSupport(true),
                        "config reload not supported for NoHeaderSupport: old=false, new=true"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.monitoring(m -> m.withHttpPort(8222)),
                        "config reload not supported for HTTPPort: old=0, new=8222"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.accounts(a -> a.withSystemAccount("SYS")),
                        "config reload not supported for SystemAccount: old=$SYS, new=SYS"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.accounts(a -> a.withNoAuthUser("x")),
                        "config reload not supported for NoAuthUser: old=, new=x"),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.websocket(new WebsocketSettings(null, 8080,
                        null, true, null, false, List.of(), Duration.ZERO, false, SimpleAuthSettings.none(),
                        WebsocketSettings.disabled().cookies(), null, Map.of(), Duration.ZERO)),
                        "config reload not supported for Websocket: old="),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.mqtt(new MqttSettings(null, 1883, null,
                        SimpleAuthSettings.none(), null, MqttDeliverySettings.defaults())),
                        "config reload not supported for MQTT: old="),
                Arguments.of((UnaryOperator<ServerSettings.Builder>) b -> b.operator(o -> o.withResolver(
                        ResolverSettings.memory())),
                        "config reload does not support moving to or from an account resolver"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusesWhatNatsServerRefuses(UnaryOperator<ServerSettings.Builder> change, String refusal) {
        SettingsDiff diff = SettingsDiff.between(RUNNING, change.apply(RUNNING.toBuilder()).build());

        assertThat(diff.canReload()).isFalse();
        assertThat(diff.errors()).singleElement().asString().startsWith(refusal);
    }

    @Test
    void mqttTlsMayChangeItsCertificatesButNotComeOrGoNorChangeItsMapOnReload() {
        MqttSettings plain = new MqttSettings(null, 1883, null, SimpleAuthSettings.none(), null,
                MqttDeliverySettings.defaults());
        MqttSettings secured = new MqttSettings(null, 1883, TLS, SimpleAuthSettings.none(), null,
                MqttDeliverySettings.defaults());
        TlsSettings otherFiles = TlsSettings.ofFiles("other-cert.pem", "other-key.pem", null, false);
        TlsSettings mapping = new TlsSettings(TLS.certificates(), new TlsVerifySettings(true, true, false, false,
                Set.of()), TLS.ciphers(), TLS.handshake(), TLS.certStore(), TLS.ocspPeer());
        ServerSettings running = RUNNING.toBuilder().mqtt(secured).build();

        assertThat(SettingsDiff.between(running, running.toBuilder().mqtt(new MqttSettings(null, 1883, otherFiles,
                SimpleAuthSettings.none(), null, MqttDeliverySettings.defaults())).build()).canReload()).isTrue();
        assertThat(SettingsDiff.between(running, running.toBuilder().mqtt(plain).build()).errors())
                .singleElement().asString().startsWith("config reload not supported for MQTT: old=");
        assertThat(SettingsDiff.between(RUNNING.toBuilder().mqtt(plain).build(), running).canReload()).isFalse();
        assertThat(SettingsDiff.between(running, running.toBuilder().mqtt(new MqttSettings(null, 1883, mapping,
                SimpleAuthSettings.none(), null, MqttDeliverySettings.defaults())).build()).canReload()).isFalse();
    }

    @Test
    void tlsChangesTheDefaultAuthTimeoutToo() {
        SettingsDiff diff = SettingsDiff.between(RUNNING, RUNNING.toBuilder().tls(TLS).build());

        assertThat(diff.changes()).extracting(SettingChange::setting).containsExactly(Setting.AUTH_TIMEOUT,
                Setting.TLS);
    }

    private static TlsSettings tlsVerifying(boolean map, Set<String> pinned) {
        return new TlsSettings(TLS.certificates(), new TlsVerifySettings(true, map, false, false, pinned),
                TLS.ciphers(), TLS.handshake(), TLS.certStore(), TLS.ocspPeer());
    }

    @Test
    void verifyAndMapCannotBeTurnedOnOrOffByAReloadAsInNatsServer() {
        ServerSettings running = RUNNING.toBuilder().tls(tlsVerifying(false, Set.of())).build();
        SettingsDiff diff = SettingsDiff.between(running, running.toBuilder().tls(tlsVerifying(true, Set.of())).build());

        assertThat(diff.errors()).containsExactly("config reload not supported for TLSMap: old=false, new=true");
    }

    @Test
    void pinnedCertsReloadWithNatsServersNotice() {
        ServerSettings running = RUNNING.toBuilder().tls(tlsVerifying(false, Set.of())).build();
        ServerSettings reloaded = running.toBuilder().tls(tlsVerifying(false, Set.of("a".repeat(64)))).build();
        SettingsDiff diff = SettingsDiff.between(running, reloaded);

        assertThat(diff.canReload()).isTrue();
        assertThat(diff.changes()).extracting(SettingChange::setting).containsExactly(Setting.TLS,
                Setting.TLS_PINNED_CERTS);
        assertThat(ReloadNotices.between(running, reloaded, diff.changes()))
                .containsSubsequence("Reloaded: tls = enabled", "Reloaded: 1 pinned_certs");
    }

    @Test
    void sameSettingsAndOriginChangesAreNoChange() {
        ServerSettings other = RUNNING.toBuilder().origin(o -> o.withConfigFile("x.conf", "sha256:1")
                .withCommandLine(Set.of(Setting.PORT))).build();

        assertThat(SettingsDiff.between(RUNNING, other).changes()).isEmpty();
        assertThat(SettingsDiff.between(RUNNING, other).canReload()).isTrue();
    }

    @Test
    void aRandomPortInTheReloadedFileKeepsTheRunningPort() {
        assertThat(SettingsDiff.between(RUNNING, RUNNING.toBuilder().port(-1).build()).changes()).isEmpty();
    }

    @Test
    void noAuthUserMayGoAwayOnlyWithItsUser() {
        ServerSettings running = RUNNING.toBuilder().accounts(a -> a.withNoAuthUser("x"))
                .authorization(users(List.of(user("x")))).build();

        SettingsDiff withoutUser = SettingsDiff.between(running, RUNNING);
        SettingsDiff userKept = SettingsDiff.between(running, running.toBuilder()
                .accounts(a -> a.withNoAuthUser(null)).build());

        SettingsDiff userMovedToAnAccount = SettingsDiff.between(running, RUNNING.toBuilder()
                .accounts(a -> a.withAccounts(List.of(new AccountSettings("A", null, List.of(user("x")), List.of(),
                        List.of(), null, List.of(), AccountLimitSettings.unlimited(), null)))).build());

        assertThat(withoutUser.canReload()).isTrue();
        assertThat(userKept.errors()).containsExactly("config reload not supported for NoAuthUser: old=x, new=");
        assertThat(userMovedToAnAccount.refused()).extracting(SettingChange::setting)
                .containsExactly(Setting.NO_AUTH_USER);
    }

    @Test
    void listsEveryRefusalNotJustTheFirst() {
        SettingsDiff diff = SettingsDiff.between(RUNNING, RUNNING.toBuilder().host("h").port(1).maxPayload(5)
                .build());

        assertThat(diff.refused()).extracting(SettingChange::setting).containsExactly(Setting.HOST, Setting.PORT);
        assertThat(diff.reloadable()).extracting(SettingChange::setting).containsExactly(Setting.MAX_PAYLOAD);
        assertThat(diff.changes()).filteredOn(change -> change.setting() == Setting.MAX_PAYLOAD).singleElement()
                .satisfies(change -> {
                    assertThat(change.oldValue()).isEqualTo(1024 * 1024);
                    assertThat(change.newValue()).isEqualTo(5);
                });
    }

    private static UserSettings user(String name) {
        return new UserSettings(name, null, null, null, Set.of(), false);
    }

    private static UnaryOperator<AuthorizationSettings> users(List<UserSettings> users) {
        return auth -> new AuthorizationSettings(auth.user(), auth.password(), auth.token(), auth.timeout(), users,
                auth.defaultPermissions(), auth.callout(), auth.proxyRequired());
    }

    private static WebsocketSettings withTls(WebsocketSettings w) {
        return new WebsocketSettings(w.host(), w.port(), w.advertise(), w.noTls(), TLS, w.sameOrigin(),
                w.allowedOrigins(), w.handshakeTimeout(), w.compression(), w.authorization(), w.cookies(),
                w.noAuthUser(), w.headers(), w.pingInterval());
    }

    private static MqttSettings mqttAckWait(Duration ackWait) {
        MqttDeliverySettings d = MqttDeliverySettings.defaults();
        return new MqttSettings(null, 0, TLS, SimpleAuthSettings.none(), null, new MqttDeliverySettings(ackWait,
                d.maxAckPending(), d.jsApiTimeout(), d.jsDomain(), d.streamReplicas(), d.consumerMemoryStorage(),
                d.consumerInactiveThreshold(), d.rejectQos2Publish(), d.downgradeQos2Subscribe()));
    }
}
