package io.natrium.adapter.config;

import static io.natrium.adapter.config.Conf.at;
import static io.natrium.adapter.config.Conf.conf;
import static io.natrium.adapter.config.Conf.list;
import static io.natrium.adapter.config.Conf.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.OcspMode;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.WriteTimeoutPolicy;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsMapperTest {

    private static Arguments key(String key, Object value, Function<ServerSettings, Object> read, Object expected) {
        return Arguments.of(key, value, read, expected);
    }

    static Stream<Arguments> supportedKeys() {
        return Stream.of(
                key("proxy_protocol", true, s -> s.network().proxyProtocol(), true),
                key("listen", "127.0.0.1:4333", s -> s.host() + " " + s.port(), "127.0.0.1 4333"),
                key("listen", ":4333", s -> s.host() + " " + s.port(), "0.0.0.0 4333"),
                key("listen", 4333, s -> s.host() + " " + s.port(), "0.0.0.0 4333"),
                key("listen", "[::1]:4333", s -> s.host() + " " + s.port(), "::1 4333"),
                key("listen", "localhost:-1", s -> s.host() + " " + s.port(), "localhost -1"),
                key("port", 4333, ServerSettings::port, 4333),
                key("host", "10.0.0.1", ServerSettings::host, "10.0.0.1"),
                key("net", "10.0.0.2", ServerSettings::host, "10.0.0.2"),
                key("server_name", "alpha", ServerSettings::serverName, "alpha"),
                key("client_advertise", "nats.example:4222", s -> s.network().clientAdvertise(), "nats.example:4222"),
                key("no_header_support", true, ServerSettings::noHeaderSupport, true),
                key("disable_sublist_cache", true, ServerSettings::noSublistCache, true),
                key("no_sublist_cache", true, ServerSettings::noSublistCache, true),
                key("max_control_line", 2048, ServerSettings::maxControlLine, 2048),
                key("max_payload", 65536, ServerSettings::maxPayload, 65536),
                key("max_pending", 10_000_000L, ServerSettings::maxPending, 10_000_000L),
                key("max_connections", 10, ServerSettings::maxConnections, 10),
                key("max_conn", 11, ServerSettings::maxConnections, 11),
                key("max_connections", 0, ServerSettings::maxConnections, -1),
                key("max_subscriptions", 12, ServerSettings::maxSubscriptions, 12),
                // Go keeps these in a 64-bit int: any count is taken, and beyond Java's int it saturates.
                key("max_subscriptions", 99_999_999_999L, ServerSettings::maxSubscriptions, Integer.MAX_VALUE),
                key("max_connections", -99_999_999_999L, ServerSettings::maxConnections, Integer.MIN_VALUE),
                key("port", 99_999_999_999L, ServerSettings::port, Integer.MAX_VALUE),
                key("max_subs", 13, ServerSettings::maxSubscriptions, 13),
                key("max_sub_tokens", 255, ServerSettings::maxSubTokens, 255),
                key("max_subscription_tokens", 1, ServerSettings::maxSubTokens, 1),
                key("ping_interval", "1h30m", ServerSettings::pingInterval, Duration.ofMinutes(90)),
                key("ping_interval", "500ms", ServerSettings::pingInterval, Duration.ofMillis(500)),
                key("ping_max", 5, ServerSettings::maxPingsOut, 5),
                key("write_deadline", "2.5s", ServerSettings::writeDeadline, Duration.ofMillis(2500)),
                key("lame_duck_duration", "30s", ServerSettings::lameDuckDuration, Duration.ofSeconds(30)),
                key("lame_duck_grace_period", "0s", ServerSettings::lameDuckGracePeriod, Duration.ZERO),
                key("max_closed_clients", 5, s -> s.limits().maxClosedClients(), 5),
                key("no_auth_user", "bob", s -> s.accounts().noAuthUser(), "bob"),
                key("system_account", "SYS", s -> s.accounts().systemAccount(), "SYS"),
                key("system", "SYS2", s -> s.accounts().systemAccount(), "SYS2"),
                key("no_system_account", true, s -> s.accounts().noSystemAccount(), true),
                key("no_system", true, s -> s.accounts().noSystemAccount(), true),
                key("no_sys_acc", true, s -> s.accounts().noSystemAccount(), true),
                key("http", "127.0.0.1:8222", s -> s.monitoring().host() + " " + s.monitoring().httpPort(),
                        "127.0.0.1 8222"),
                key("http_port", 8222, s -> s.monitoring().httpPort(), 8222),
                key("monitor_port", 8223, s -> s.monitoring().httpPort(), 8223),
                key("http_base_path", "/nats", s -> s.monitoring().basePath(), "/nats"),
                key("pidfile", "/run/n.pid", s -> s.processFiles().pidFile(), "/run/n.pid"),
                key("pid_file", "/run/m.pid", s -> s.processFiles().pidFile(), "/run/m.pid"),
                key("ports_file_dir", "/run", s -> s.processFiles().portsFileDir(), "/run"),
                key("debug", true, s -> s.logging().debug(), true),
                key("trace", true, s -> s.logging().trace(), true),
                key("trace_verbose", true, s -> s.logging().trace() && s.logging().traceVerbose(), true),
                key("trace_headers", true, s -> s.logging().trace() && s.logging().traceHeaders(), true),
                key("logtime", false, s -> s.logging().logTime(), false),
                key("logtime_utc", true, s -> s.logging().logTimeUtc(), true),
                key("logfile", "/var/log/n.log", s -> s.logging().logFile(), "/var/log/n.log"),
                key("log_file", "/var/log/m.log", s -> s.logging().logFile(), "/var/log/m.log"),
                key("logfile_size_limit", 1024L, s -> s.logging().logSizeLimit(), 1024L),
                key("log_size_limit", 2048L, s -> s.logging().logSizeLimit(), 2048L),
                key("logfile_max_num", 3, s -> s.logging().logMaxFiles(), 3),
                key("log_max_num", 4, s -> s.logging().logMaxFiles(), 4),
                key("syslog", true, s -> s.logging().syslog(), true),
                key("remote_syslog", "udp://h:514", s -> s.logging().remoteSyslog(), "udp://h:514"),
                key("max_traced_msg_len", 100, s -> s.logging().maxTracedMsgLen(), 100),
                key("allow_non_tls", true, ServerSettings::allowNonTls, true),
                key("https", "h:8443", s -> s.monitoring().host() + " " + s.monitoring().httpsPort(), "h 8443"),
                key("https_port", 8443, s -> s.monitoring().httpsPort(), 8443),
                key("https_port", 0, s -> s.monitoring().httpsPort(), 0),
                // Whether OCSP asks for stapling depends on the certificate: the loader's TLS check decides.
                key("ocsp", false, s -> s.ocsp().mode(), OcspMode.NEVER),
                key("ocsp", map("mode", "always"), s -> s.ocsp().mode(), OcspMode.ALWAYS));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("supportedKeys")
    void mapsSupportedKeysWithoutNotices(String key, Object value, Function<ServerSettings, Object> read,
            Object expected) {
        MappedSettings mapped = SettingsMapper.map(conf(key, value));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(read.apply(mapped.settings())).isEqualTo(expected);
        assertThat(mapped.unsupported()).isEmpty();
    }

    static Stream<Arguments> notYetKeys() {
        return Stream.of(
                key("write_timeout", "retry", s -> s.writes().timeoutPolicy(), WriteTimeoutPolicy.RETRY),
                key("write_timeout", "close", s -> s.writes().timeoutPolicy(), WriteTimeoutPolicy.CLOSE),
                key("no_fast_producer_stall", true, s -> s.writes().noFastProducerStall(), true),
                key("prof_port", 6060, s -> s.profiling().port(), 6060),
                key("prof_block_rate", 2, s -> s.profiling().blockRate(), 2),
                key("default_sentinel", "jwt", s -> s.accounts().defaultSentinel(), "jwt"),
                key("server_tags", list("a", "b"), s -> s.metadata().tags(), List.of("a", "b")),
                key("server_tags", "solo", s -> s.metadata().tags(), List.of("solo")),
                key("server_metadata", map("k", "v"), s -> s.metadata().metadata().get("k"), "v"),
                key("feature_flags", map("f", true), s -> s.metadata().featureFlags().get("f"), true));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("notYetKeys")
    void mapsKeysNotSupportedYetAndListsThem(String key, Object value, Function<ServerSettings, Object> read,
            Object expected) {
        MappedSettings mapped = SettingsMapper.map(conf("port", 1, key, value));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(read.apply(mapped.settings())).isEqualTo(expected);
        assertThat(mapped.unsupported()).extracting(UnsupportedOption::toString)
                .containsExactly(at(2, 0) + ": \"" + key + "\" is not supported by Natrium yet and is ignored");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cluster", "gateway", "leaf", "leafnodes", "jetstream", "default_js_domain", "connect_error_reports", "reconnect_error_reports"})
    void acceptsOutOfScopeKeysWithAWarning(String key) {
        MappedSettings mapped = SettingsMapper.map(conf(key, map("anything", 1)));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.unsupported()).isEmpty();
        assertThat(Conf.warnings(mapped)).isEmpty();
        assertThat(Conf.notices(mapped)).containsExactly(
                at(1, 0) + ": \"" + key + "\" is not supported by Natrium (out of scope) and is ignored");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"store_dir", "storedir"})
    void takesTheStoreDirectoryForTheMqttState(String key) {
        MappedSettings mapped = SettingsMapper.map(conf(key, "/var/lib/natrium"));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(Conf.notices(mapped)).isEmpty();
        assertThat(mapped.settings().processFiles().storeDir()).isEqualTo("/var/lib/natrium");
    }

    @Test
    void takesTheJetStreamStoreDirectoryForTheMqttStateAndStillWarns() {
        MappedSettings mapped = SettingsMapper.map(conf("jetstream", map("store_dir", "/data/js", "max_mem", 1)));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.settings().processFiles().storeDir()).isEqualTo("/data/js");
        assertThat(Conf.notices(mapped)).containsExactly(
                at(1, 0) + ": \"jetstream\" is not supported by Natrium (out of scope) and is ignored");
    }

    @Test
    void keysMatchCaseInsensitivelyAsInNatsServer() {
        MappedSettings mapped = SettingsMapper.map(conf("PORT", 4333, "Max_Payload", 1000));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.settings().port()).isEqualTo(4333);
        assertThat(mapped.settings().maxPayload()).isEqualTo(1000);
    }

    @Test
    void laterKeysWinInFileOrder() {
        MappedSettings mapped = SettingsMapper.map(conf("host", "10.0.0.1", "listen", "10.0.0.2:5000", "port", 6000));

        assertThat(mapped.settings().host()).isEqualTo("10.0.0.2");
        assertThat(mapped.settings().port()).isEqualTo(6000);
    }

    @Test
    void listenWithoutAHostKeepsTheHostSetBefore() {
        MappedSettings mapped = SettingsMapper.map(conf("host", "10.0.0.1", "listen", 5000));

        assertThat(mapped.settings().host()).isEqualTo("10.0.0.1");
        assertThat(mapped.settings().port()).isEqualTo(5000);
    }

    @Test
    void anEmptyFileMeansTheDefaults() {
        MappedSettings mapped = SettingsMapper.map(conf());

        assertThat(mapped.settings()).isEqualTo(ServerSettings.defaults());
        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.warnings()).isEmpty();
    }

    @Test
    void collectsEveryErrorInFileOrder() {
        MappedSettings mapped = SettingsMapper.map(conf("foo", 1, "port", "x", "bar", true, "max_sub_tokens", 0));

        assertThat(Conf.errors(mapped)).containsExactly(
                at(1, 0) + ": unknown field \"foo\"",
                at(2, 0) + ": interface conversion: interface {} is string, not int64",
                at(3, 0) + ": unknown field \"bar\"",
                at(4, 0) + ": max_sub_tokens value can not be negative");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"listen", "client_advertise", "port", "server_name", "host", "net", "debug", "trace",
        "trace_verbose", "trace_headers", "logtime", "logtime_utc", "logfile", "log_file", "logfile_size_limit",
        "log_size_limit", "logfile_max_num", "log_max_num", "syslog", "remote_syslog", "mappings", "maps",
        "disable_sublist_cache", "no_sublist_cache", "accounts", "default_sentinel", "authorization", "http",
        "https", "http_port", "monitor_port", "https_port", "http_base_path", "pidfile", "pid_file", "ports_file_dir",
        "prof_port", "prof_block_rate", "max_control_line", "max_payload", "max_pending", "proxy_protocol",
        "max_connections", "max_conn", "max_traced_msg_len", "max_subscriptions", "max_subs", "max_sub_tokens",
        "max_subscription_tokens", "ping_interval", "ping_max", "write_deadline", "write_timeout", "tls", "ocsp",
        "allow_non_tls", "ocsp_cache", "lame_duck_duration", "lame_duck_grace_period", "operator", "operators",
        "roots", "root", "root_operators", "root_operator", "resolver", "account_resolver", "accounts_resolver",
        "resolver_tls", "resolver_preload", "resolver_pinned_accounts", "trusted", "trusted_keys", "no_auth_user",
        "system_account", "system", "no_system_account", "no_system", "no_sys_acc", "no_header_support",
        "websocket", "ws", "mqtt", "server_tags", "server_metadata", "feature_flags", "no_fast_producer_stall",
        "max_closed_clients", "proxies", "cluster", "gateway", "leaf", "leafnodes", "store_dir", "storedir",
        "jetstream", "default_js_domain", "connect_error_reports", "reconnect_error_reports"})
    void knowsEveryTopLevelKeyAndAliasOfNatsServer(String key) {
        assertThat(Conf.errors(SettingsMapper.map(conf(key, 1)))).noneMatch(error -> error.contains("unknown field"));
    }
}
