package io.natrium.adapter.config;

import static io.natrium.adapter.config.Conf.at;
import static io.natrium.adapter.config.Conf.conf;
import static io.natrium.adapter.config.Conf.fails;
import static io.natrium.adapter.config.Conf.list;
import static io.natrium.adapter.config.Conf.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigMap;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** nats-server's messages for wrong top-level values, each at the position nats-server reports. */
class TopLevelErrorsTest {

    static Stream<Arguments> errors() {
        String top = at(1, 0);
        String inner = at(2, 1);
        return Stream.of(
                fails(conf("port", "x"), top, "interface conversion: interface {} is string, not int64"),
                fails(conf("port", 1.5), top, "interface conversion: interface {} is float64, not int64"),
                fails(conf("debug", "yes"), top, "interface conversion: interface {} is string, not bool"),
                fails(conf("host", list("a")), top, "interface conversion: interface {} is []interface {}, not string"),
                fails(conf("logfile", map()), top,
                        "interface conversion: interface {} is map[string]interface {}, not string"),
                fails(conf("server_name", "a b"), top, "server name cannot contain spaces"),
                fails(conf("max_control_line", 1L << 31), top, "max_control_line value is too big"),
                fails(conf("max_payload", 1L << 31), top, "max_payload value is too big"),
                fails(conf("max_sub_tokens", 256), top, "max_sub_tokens value is too big"),
                fails(conf("max_subscription_tokens", 300), top, "max_subscription_tokens value is too big"),
                fails(conf("max_sub_tokens", -1), top, "max_sub_tokens value can not be negative"),
                fails(conf("listen", "4222"), top, "could not parse address string \"4222\""),
                fails(conf("listen", "a:b:4222"), top, "could not parse address string \"a:b:4222\""),
                fails(conf("listen", "[::1"), top, "could not parse address string \"[::1\""),
                fails(conf("listen", "host:abc"), top, "could not parse port \"abc\""),
                fails(conf("listen", true), top, "expected port or host:port, got bool"),
                fails(conf("http", "8222"), top, "could not parse address string \"8222\""),
                fails(conf("ping_interval", "5x"), top,
                        "error parsing ping_interval: time: unknown unit \"x\" in duration \"5x\""),
                fails(conf("ping_interval", "abc"), top, "error parsing ping_interval: time: invalid duration \"abc\""),
                fails(conf("write_deadline", "10"), top,
                        "error parsing write_deadline: time: missing unit in duration \"10\""),
                fails(conf("write_timeout", "sometimes"), top, "write_timeout must be 'default', 'close' or 'retry'"),
                fails(conf("lame_duck_duration", "10s"), top,
                        "invalid lame_duck_duration of 10s, minimum is 30 seconds"),
                fails(conf("lame_duck_duration", "1x"), top,
                        "error parsing lame_duck_duration: time: unknown unit \"x\" in duration \"1x\""),
                fails(conf("lame_duck_duration", 60), top, "interface conversion: interface {} is int64, not string"),
                fails(conf("lame_duck_grace_period", "-1s"), top,
                        "invalid lame_duck_grace_period, needs to be positive"),
                fails(conf("lame_duck_grace_period", "zz"), top,
                        "error parsing lame_duck_grace_period: time: invalid duration \"zz\""),
                fails(conf("system_account", 5), top, "system account name must be a string"),
                fails(conf("ocsp", "x"), top, "error parsing ocsp config: unsupported type string"),
                fails(conf("ocsp", map("mode", "sometimes")), inner,
                        "error parsing ocsp config: unsupported ocsp mode \"sometimes\""),
                fails(conf("ocsp", map("foo", 1)), inner, "error parsing ocsp config: unsupported field \"foo\""),
                fails(conf("ocsp_cache", 5), top, "error parsing ocsp_cache: unsupported type int64"),
                fails(conf("ocsp_cache", map("type", "x")), inner,
                        "error parsing OCSP peer cache config, unknown type [x]"),
                fails(conf("ocsp_cache", map("bar", 1)), inner,
                        "error parsing OCSP peer cache config, unknown field [\"bar\"]"),
                fails(conf("server_tags", 5), top, "error parsing tags: unsupported type int64"),
                fails(conf("server_tags", list(1)), top,
                        "error parsing tags: unsupported type int64 where string is expected"),
                fails(conf("server_metadata", "x"), top, "error parsing metadata: unsupported type string"),
                fails(conf("server_metadata", map("k", 1)), inner,
                        "interface conversion: interface {} is int64, not string"),
                fails(conf("feature_flags", map("f", 1)), inner,
                        "error parsing feature flag \"f\": expected bool, got int64"),
                fails(conf("feature_flags", 1), top, "error parsing feature flags: unsupported type int64"),
                fails(conf("trusted", "bad"), top, "trust key \"bad\" required to be a valid public operator nkey"),
                fails(conf("trusted", 5), top, "error parsing trusted: unsupported type int64"),
                fails(conf("trusted_keys", list(5)), at(2, 1), "error parsing trusted: unsupported type in array int64"),
                fails(conf("operator", 5), top, "error parsing operators: unsupported type int64"),
                fails(conf("resolver", 5), top, "error parsing operator resolver, wrong type int64"),
                fails(conf("resolver", "nope"), top, "error parsing account resolver, should be MEM or  "
                        + "URL(\"url\") or a map containing dir and type state=[FULL|CACHE])"),
                fails(conf("resolver", map("type", "full")), top, "dir has no value and needs to point to a directory"),
                fails(conf("resolver", map("type", "cache", "dir", "/d", "allow_delete", true)), top,
                        "CACHE does not accept allow_delete"),
                fails(conf("resolver", map("type", "cache", "dir", "/d", "interval", "1m")), top,
                        "CACHE does not accept sync"),
                fails(conf("resolver", map("type", "cache", "dir", "/d", "hard_delete", false)), top,
                        "CACHE does not accept hard_delete"),
                fails(conf("resolver", map("type", "full", "dir", "/d", "ttl", "1m")), top, "FULL does not accept ttl"),
                fails(conf("resolver", map("type", "full", "dir", "/d", "hard_delete", true)), top,
                        "hard_delete has no effect without delete"),
                fails(conf("resolver", map("type", "full", "dir", "/d", "timeout", "x")), at(4, 1),
                        "time: invalid duration \"x\""),
                fails(conf("resolver_preload", "x"), top, "preload should be a map of account_public_key:account_jwt"),
                fails(conf("resolver_preload", map("A", 1)), inner, "preload map value should be a string JWT"),
                fails(conf("resolver_pinned_accounts", 5), top,
                        "error parsing resolver_pinned_accounts: unsupported type int64"),
                fails(conf("proxies", "x"), top, "expected proxies to be a map/struct, got string"),
                fails(conf("proxies", map("trusted", 5)), inner,
                        "expected proxies' trusted field to be an array, got int64"),
                fails(conf("proxies", map("trusted", list(5))), at(3, 2),
                        "expected proxies' trusted entry to be a map/struct, got int64"),
                fails(conf("proxies", map("trusted", list(map("key", "bad")))), at(4, 3), "invalid proxy key \"bad\""),
                fails(conf("proxies", map("foo", 1)), inner, "unknown field \"foo\""),
                fails(conf("websocket", 1), top, "Expected websocket to be a map, got int64"),
                fails(conf("mqtt", "x"), top, "Expected mqtt to be a map, got string"),
                fails(conf("authorization", "x"), top,
                        "interface conversion: interface {} is string, not map[string]interface {}"),
                fails(conf("mappings", "x"), top,
                        "interface conversion: interface {} is string, not map[string]interface {}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void reportsNatsServersErrorAtItsPosition(ConfigMap conf, String expected) {
        MappedSettings mapped = SettingsMapper.map(conf);

        assertThat(Conf.errors(mapped)).containsExactly(expected);
        assertThat(mapped.unsupported()).isEmpty();
    }

    static Stream<Arguments> warnings() {
        String top = at(1, 0);
        return Stream.of(
                Arguments.of(conf("ping_interval", 5), top
                        + ": invalid use of field \"ping_interval\": ping_interval should be converted to a duration"),
                Arguments.of(conf("write_deadline", 3), top
                        + ": invalid use of field \"write_deadline\": write_deadline should be converted to a duration"),
                Arguments.of(conf("mqtt", map("consumer_replicas", 3)), at(2, 1)
                        + ": invalid use of field \"consumer_replicas\": consumer replicas setting ignored in this "
                        + "server version"),
                Arguments.of(conf("authorization", map("timeout", 120)), at(2, 1)
                        + ": invalid use of field \"timeout\": timeout of 120 (120.000000 seconds) is high, consider "
                        + "keeping it under 60 seconds. possibly caused by unquoted duration; use '1m' instead of "
                        + "1m, for example"),
                Arguments.of(conf("authorization", map("timeout", 99999999999L)), at(2, 1)
                        + ": invalid use of field \"timeout\": timeout of 99999999999 (99999999999.000000 seconds) is "
                        + "high, consider keeping it under 60 seconds. possibly caused by unquoted duration; use '1m' "
                        + "instead of 1m, for example"),
                Arguments.of(conf("ping_interval", 99999999999L), top
                        + ": invalid use of field \"ping_interval\": ping_interval should be converted to a duration"),
                Arguments.of(conf("authorization", map("timeout", "2m")), at(2, 1)
                        + ": invalid use of field \"timeout\": timeout of 2m (120.000000 seconds) is high, consider "
                        + "keeping it under 60 seconds. possibly caused by unquoted duration; use '1m' instead of "
                        + "1m, for example"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("warnings")
    void warnsAsNatsServerDoes(ConfigMap conf, String expected) {
        MappedSettings mapped = SettingsMapper.map(conf);

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(Conf.warnings(mapped)).containsExactly(expected);
    }
}
