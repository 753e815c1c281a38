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
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Operator mode (operator JWTs read and decoded, the memory resolver) and trusted proxies. */
class OperatorMapperTest {

    private static final String OPERATOR_KEY = AuthorizationMapperTest.key(NKeyType.OPERATOR, 4);

    private static ServerSettings settings(ConfigMap conf) {
        MappedSettings mapped = SettingsMapper.map(conf);
        assertThat(Conf.errors(mapped)).isEmpty();
        return mapped.settings();
    }

    @Test
    void readsOperatorJwtsInlineAndFromFilesAndKeepsTrustedKeysAndPreloads(@TempDir Path dir) throws IOException {
        TestNKey operatorKey = TestNKey.operator();
        TestNKey accountKey = TestNKey.account();
        String operatorJwt = TestJwt.operator(operatorKey, "op", Map.of());
        String accountJwt = TestJwt.account(operatorKey, accountKey, "acc", Map.of());
        Path plain = Files.writeString(dir.resolve("op.jwt"), operatorJwt + "\n");
        Path decorated = Files.writeString(dir.resolve("decorated.jwt"), "-----BEGIN NATS OPERATOR JWT-----\n"
                + operatorJwt + "\n------END NATS OPERATOR JWT------\n");

        OperatorSettings operator = settings(conf("operators", list(plain.toString(), decorated.toString(),
                operatorJwt), "trusted_keys", list(OPERATOR_KEY), "resolver_preload",
                map(accountKey.publicKey(), accountJwt), "resolver_tls", map("ca_file", "ca.pem"))).operator();

        assertThat(operator.operators()).containsExactly(operatorJwt + "\n", operatorJwt, operatorJwt);
        assertThat(operator.trustedKeys()).containsExactly(OPERATOR_KEY);
        assertThat(operator.resolverPreload()).isEqualTo(Map.of(accountKey.publicKey(), accountJwt));
        assertThat(operator.resolverTls().certificates().caFile()).isEqualTo("ca.pem");
        assertThat(operator.enabled()).isTrue();
        for (String alias : List.of("operator", "roots", "root", "root_operators", "root_operator")) {
            assertThat(settings(conf(alias, operatorJwt)).operator().operators()).containsExactly(operatorJwt);
        }
        assertThat(settings(conf("trusted", OPERATOR_KEY)).operator().trustedKeys()).containsExactly(OPERATOR_KEY);
    }

    @Test
    void refusesOperatorJwtsAndPreloadsThatAreNone() {
        TestNKey accountKey = TestNKey.account();
        String userJwt = TestJwt.user(accountKey, TestNKey.user(), "u", Map.of(), 0);

        assertThat(Conf.errors(SettingsMapper.map(conf("operator", "missing.jwt")))).containsExactly(
                "test.conf:1:1: error parsing operator JWT: open missing.jwt: no such file or directory");
        assertThat(Conf.errors(SettingsMapper.map(conf("operator", "eyJ.garbage")))).containsExactly(
                "test.conf:1:1: error parsing operator JWT: expected 3 chunks");
        assertThat(Conf.errors(SettingsMapper.map(conf("operator", userJwt)))).containsExactly(
                "test.conf:1:1: error parsing operator JWT: not operator claim");
        assertThat(Conf.errors(SettingsMapper.map(conf("resolver_preload", map(accountKey.publicKey(),
                userJwt))))).singleElement().asString().endsWith(": invalid account JWT");
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
    void takesTheCacheResolversTtlAsSupported() {
        MappedSettings cache = SettingsMapper.map(conf("resolver", map("type", "cache", "dir", "/jwt", "ttl", "1h")));
        MappedSettings full = SettingsMapper.map(conf("resolver", map("type", "full", "dir", "/jwt")));

        assertThat(cache.unsupported()).isEmpty();
        assertThat(cache.settings().operator().resolver().ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(full.unsupported()).isEmpty();
    }

    @Test
    void keepsTrustedProxyKeys() {
        assertThat(settings(conf("proxies", map("trusted", list(map("key", USER_KEY), map("public_key",
                ACCOUNT_KEY))))).proxies().trustedKeys()).containsExactly(USER_KEY, ACCOUNT_KEY);
    }

    @Test
    void trustedProxiesAndProxyRequiredAreActedOnSoNotReportedAsUnsupported() {
        MappedSettings mapped = SettingsMapper.map(conf("proxies", map("trusted", list(map("key", USER_KEY))),
                "authorization", map("user", "u", "password", "p", "proxy_required", true)));

        assertThat(mapped.unsupported()).isEmpty();
        assertThat(mapped.settings().authorization().proxyRequired()).isTrue();
    }

    @Test
    void keepsPinnedAccountsAsAListAStringOrEmptyAndNoneWhenAbsent() {
        MappedSettings list = SettingsMapper.map(conf("trusted", OPERATOR_KEY, "resolver", "URL(\"http://x/\")",
                "resolver_pinned_accounts", list(ACCOUNT_KEY)));
        MappedSettings single = SettingsMapper.map(conf("resolver_pinned_accounts", ACCOUNT_KEY));
        MappedSettings empty = SettingsMapper.map(conf("resolver_pinned_accounts", list()));

        assertThat(Conf.refusals(list)).isEmpty();
        assertThat(list.unsupported()).isEmpty();
        assertThat(list.settings().operator().resolverPinnedAccounts()).containsExactly(ACCOUNT_KEY);
        assertThat(single.settings().operator().resolverPinnedAccounts()).containsExactly(ACCOUNT_KEY);
        assertThat(empty.settings().operator().resolverPinnedAccounts()).isEmpty();
        assertThat(settings(conf("trusted", OPERATOR_KEY)).operator().resolverPinnedAccounts()).isNull();
    }
}
