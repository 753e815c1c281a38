package io.natrium.adapter.config;

import static io.natrium.adapter.config.AuthorizationMapperTest.ACCOUNT_KEY;
import static io.natrium.adapter.config.AuthorizationMapperTest.USER_KEY;
import static io.natrium.adapter.config.Conf.conf;
import static io.natrium.adapter.config.Conf.list;
import static io.natrium.adapter.config.Conf.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.application.settings.OperatorSettings;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.application.settings.ResolverType;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.auth.NKeyType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Operator mode and trusted proxies, kept as data. */
class OperatorMapperTest {

    private static final String OPERATOR_KEY = AuthorizationMapperTest.key(NKeyType.OPERATOR, 4);

    private static ServerSettings settings(ConfigMap conf) {
        MappedSettings mapped = SettingsMapper.map(conf);
        assertThat(Conf.errors(mapped)).isEmpty();
        return mapped.settings();
    }

    @Test
    void keepsOperatorsTrustedKeysPreloadsAndPinnedAccounts() {
        OperatorSettings operator = settings(conf("operators", list("op.jwt", "eyJ.jwt"),
                "trusted_keys", list(OPERATOR_KEY), "resolver_preload", map(ACCOUNT_KEY, "eyJ.account"),
                "resolver_pinned_accounts", ACCOUNT_KEY, "resolver_tls", map("ca_file", "ca.pem"))).operator();

        assertThat(operator.operators()).containsExactly("op.jwt", "eyJ.jwt");
        assertThat(operator.trustedKeys()).containsExactly(OPERATOR_KEY);
        assertThat(operator.resolverPreload()).isEqualTo(Map.of(ACCOUNT_KEY, "eyJ.account"));
        assertThat(operator.resolverPinnedAccounts()).containsExactly(ACCOUNT_KEY);
        assertThat(operator.resolverTls().certificates().caFile()).isEqualTo("ca.pem");
        assertThat(operator.enabled()).isTrue();
        for (String alias : List.of("operator", "roots", "root", "root_operators", "root_operator")) {
            assertThat(settings(conf(alias, "op.jwt")).operator().operators()).containsExactly("op.jwt");
        }
        assertThat(settings(conf("trusted", OPERATOR_KEY)).operator().trustedKeys()).containsExactly(OPERATOR_KEY);
    }

    static Stream<Arguments> resolvers() {
        return Stream.of(
                Arguments.of("MEM", ResolverSettings.memory()),
                Arguments.of("memory", ResolverSettings.memory()),
                Arguments.of("URL(\"http://acc.example/jwt/v1/accounts/\")",
                        ResolverSettings.url("http://acc.example/jwt/v1/accounts/")),
                Arguments.of(map("type", "full", "dir", "/jwt", "allow_delete", true, "hard_delete", true,
                        "limit", 1000, "interval", "2m", "timeout", "1s"), new ResolverSettings(ResolverType.FULL, null,
                        "/jwt", true, true, 1000, Duration.ZERO, Duration.ofMinutes(2), Duration.ofSeconds(1))),
                Arguments.of(map("type", "cache", "dir", "/jwt", "ttl", "1h"), new ResolverSettings(
                        ResolverType.CACHE, null, "/jwt", false, false, 0, Duration.ofHours(1), Duration.ZERO,
                        Duration.ZERO)),
                Arguments.of(map("type", "mem"), ResolverSettings.memory()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolvers")
    void readsEveryResolverForm(Object value, ResolverSettings expected) {
        for (String alias : List.of("resolver", "account_resolver", "accounts_resolver")) {
            assertThat(settings(conf(alias, value)).operator().resolver()).isEqualTo(expected);
        }
    }

    @Test
    void keepsTrustedProxyKeys() {
        assertThat(settings(conf("proxies", map("trusted", list(map("key", USER_KEY), map("public_key",
                ACCOUNT_KEY))))).proxies().trustedKeys()).containsExactly(USER_KEY, ACCOUNT_KEY);
    }

    @Test
    void refusesOperatorModeUntilItIsBuilt() {
        MappedSettings mapped = SettingsMapper.map(conf("trusted", OPERATOR_KEY, "resolver", "MEM",
                "resolver_preload", map()));

        assertThat(Conf.refusals(mapped)).containsExactly(
                "test.conf:1:1: \"trusted\" is not supported by Natrium yet; running without it would weaken security",
                "test.conf:2:1: \"resolver\" is not supported by Natrium yet; running without it would weaken "
                        + "security");
        assertThat(mapped.unsupported()).extracting(UnsupportedOption::option).containsExactly("resolver_preload");
    }
}
