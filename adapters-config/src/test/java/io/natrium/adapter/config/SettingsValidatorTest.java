package io.natrium.adapter.config;

import static io.natrium.adapter.config.Conf.conf;
import static io.natrium.adapter.config.Conf.list;
import static io.natrium.adapter.config.Conf.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.domain.auth.NKeyType;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * nats-server's checks across options: for auth callout, for operator mode, and for the listeners it has (WebSocket,
 * MQTT). They are run here on the mapped settings directly.
 */
class SettingsValidatorTest {

    static Stream<Arguments> checks() {
        return Stream.of(
                Arguments.of(conf("accounts", map("AUTH", map()), "authorization", map("auth_callout", map(
                        "issuer", AuthorizationMapperTest.ACCOUNT_KEY, "auth_users", list("a"),
                        "allowed_accounts", list("AUTH", "OTHER")))),
                        "auth_callout allowed account \"OTHER\" not found in configured accounts"));
    }

    static Stream<Arguments> operatorChecks() {
        TestNKey operator = TestNKey.operator();
        TestNKey system = TestNKey.account();
        String withSystem = TestJwt.operator(operator, "op", Map.of("system_account", system.publicKey()));
        String newer = TestJwt.operator(operator, "op", Map.of("assert_server_version", "3.0.0"));
        String systemJwt = TestJwt.account(operator, system, "SYS", Map.of("limits", TestJwt.unlimitedAccount()));
        return Stream.of(
                Arguments.of(conf("no_auth_user", "x", "trusted", AuthorizationMapperTest.key(NKeyType.OPERATOR, 1)),
                        "no_auth_user not compatible with Trusted Operator"),
                Arguments.of(conf("operator", withSystem), "operators require an account resolver to be configured"),
                Arguments.of(conf("operator", withSystem, "resolver", "MEM", "accounts", map("A", map())),
                        "operators do not allow Accounts to be configured directly"),
                Arguments.of(conf("operator", withSystem, "resolver", "MEM", "authorization",
                        map("users", list(map("user", "u", "password", "p")))),
                        "operators do not allow users to be configured directly"),
                Arguments.of(conf("operator", withSystem, "resolver", "MEM", "trusted",
                        AuthorizationMapperTest.key(NKeyType.OPERATOR, 1)),
                        "conflicting options for 'TrustedKeys' and 'TrustedOperators'"),
                Arguments.of(conf("operator", withSystem, "resolver", "MEM", "system_account",
                        TestNKey.account().publicKey()), "system_account in config and operator JWT must be identical"),
                Arguments.of(conf("operator", newer, "resolver", "MEM"), "operator " + operator.publicKey()
                        + " expected major version 3 > server major version 2"),
                Arguments.of(conf("operator", withSystem, "resolver", "MEM"),
                        "error resolving system account: account missing"),
                Arguments.of(conf("operator", withSystem, "resolver", "MEM", "resolver_preload",
                        map(system.publicKey(), systemJwt), "max_payload", 1 << 30),
                        "max_payload (1073741824) cannot be higher than max_pending (67108864)"),
                Arguments.of(conf("operator", withSystem, "resolver", "MEM", "resolver_preload",
                        map(system.publicKey(), systemJwt), "resolver_pinned_accounts",
                        list(system.publicKey(), operator.publicKey())), "pinned account key \""
                        + operator.publicKey() + "\" is not a valid public account nkey"),
                Arguments.of(conf("operator", withSystem, "resolver", "MEM", "resolver_preload",
                        map(system.publicKey(), systemJwt), "authorization", map("auth_callout", map(
                                "issuer", AuthorizationMapperTest.ACCOUNT_KEY, "auth_users", list("a")))),
                        "operators do not allow authorization callouts to be configured directly"));
    }

    @Test
    void anOperatorsAccountServerStandsForTheResolver() {
        TestNKey operator = TestNKey.operator();
        String serverUrl = TestJwt.operator(operator, "op", Map.of("account_server_url", "http://x:9090/jwt/v1",
                "system_account", TestNKey.account().publicKey()));
        MappedSettings mapped = SettingsMapper.map(conf("operator", serverUrl));
        List<String> errors = new ArrayList<>();

        SettingsValidator.validate(Baseline.apply(mapped.settings()), errors, new ArrayList<>());

        assertThat(mapped.refusals()).isEmpty();
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("operatorChecks")
    void checksOperatorModeAsNatsServer(ConfigMap root, String expected) {
        MappedSettings mapped = SettingsMapper.map(root);
        List<String> errors = new ArrayList<>();

        SettingsValidator.validate(Baseline.apply(mapped.settings()), errors, new ArrayList<>());

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.refusals()).isEmpty();
        assertThat(errors).containsExactly(expected);
    }

    static Stream<Arguments> websocketChecks() {
        return Stream.of(
                Arguments.of(conf("websocket", map("port", 8080)), "websocket requires TLS configuration"),
                Arguments.of(conf("websocket", map("port", 8080, "no_tls", true, "allowed_origins", "ftp://x")),
                        "unable to parse allowed origin \"ftp://x\": allowed origins must be absolute URLs with http "
                                + "or https scheme"),
                Arguments.of(conf("websocket", map("port", 8080, "no_tls", true, "jwt_cookie", "jwt")),
                        "trusted operators or trusted keys configuration is required for JWT authentication via "
                                + "cookie \"jwt\""),
                Arguments.of(conf("authorization", map("users", list(map("user", "y"))), "websocket",
                        map("port", 8080, "no_tls", true, "authorization", map("user", "w"))),
                        "websocket authentication username not compatible with presence of users/nkeys"),
                Arguments.of(conf("websocket", map("port", 8080, "no_tls", true, "headers",
                        map("Sec-WebSocket-Protocol", "x"))),
                        "websocket: invalid header \"Sec-WebSocket-Protocol\", \"Sec-WebSocket-\" prefix not allowed"),
                Arguments.of(conf("websocket", map("port", 8080, "no_tls", true, "headers", map("Upgrade", "x"))),
                        "websocket: invalid header \"Upgrade\" not allowed"));
    }

    static Stream<Arguments> mqttChecks() {
        return Stream.of(
                Arguments.of(conf("authorization", map("users", list(map("user", "y"))), "mqtt",
                        map("port", 1883, "authorization", map("token", "t"))),
                        "mqtt authentication token not compatible with presence of users/nkeys"),
                Arguments.of(conf("mqtt", map("port", 1883, "ack_wait", "-1s")), "ack wait must be a positive value"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mqttChecks")
    void checksTheMqttBlockAsNatsServer(ConfigMap root, String expected) {
        MappedSettings mapped = SettingsMapper.map(root);
        List<String> errors = new ArrayList<>();

        SettingsValidator.validate(Baseline.apply(mapped.settings()), errors, new ArrayList<>());

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.refusals()).isEmpty();
        assertThat(errors).containsExactly(expected);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("websocketChecks")
    void checksTheWebsocketBlockAsNatsServer(ConfigMap root, String expected) {
        MappedSettings mapped = SettingsMapper.map(root);
        List<String> errors = new ArrayList<>();

        SettingsValidator.validate(Baseline.apply(mapped.settings()), errors, new ArrayList<>());

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.refusals()).isEmpty();
        assertThat(errors).containsExactly(expected);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("checks")
    void checksTheAuthCalloutAsNatsServer(ConfigMap root, String expected) {
        MappedSettings mapped = SettingsMapper.map(root);
        List<String> errors = new ArrayList<>();

        SettingsValidator.validate(Baseline.apply(mapped.settings()), errors, new ArrayList<>());

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.refusals()).isEmpty();
        assertThat(errors).containsExactly(expected);
    }
}
