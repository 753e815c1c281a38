package io.natrium.adapter.config;

import static io.natrium.adapter.config.Conf.at;
import static io.natrium.adapter.config.Conf.conf;
import static io.natrium.adapter.config.Conf.list;
import static io.natrium.adapter.config.Conf.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.application.settings.PermissionSettings;
import io.natrium.application.settings.ResponsePermissionSettings;
import io.natrium.application.settings.SubjectPermissionSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyType;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorizationMapperTest {

    static final String USER_KEY = key(NKeyType.USER, 1);
    static final String ACCOUNT_KEY = key(NKeyType.ACCOUNT, 2);
    static final String CURVE_KEY = key(NKeyType.CURVE, 3);

    static String key(NKeyType type, int seed) {
        byte[] raw = new byte[32];
        raw[0] = (byte) seed;
        return NKey.of(type, raw).encoded();
    }

    private static AuthorizationSettings authorization(ConfigMap conf) {
        MappedSettings mapped = SettingsMapper.map(conf);
        assertThat(Conf.errors(mapped)).isEmpty();
        return mapped.settings().authorization();
    }

    @Test
    void mapsSingleUserTokenTimeoutAndProxyRequirement() {
        AuthorizationSettings auth = authorization(conf("authorization",
                map("username", "a", "password", "b", "timeout", 1.5, "proxy_required", true)));

        assertThat(auth.user()).isEqualTo("a");
        assertThat(auth.password()).isEqualTo("b");
        assertThat(auth.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(auth.proxyRequired()).isTrue();
        assertThat(authorization(conf("authorization", map("token", "t", "timeout", "3s"))))
                .extracting(AuthorizationSettings::token, AuthorizationSettings::timeout)
                .containsExactly("t", Duration.ofSeconds(3));
    }

    @Test
    void mapsUsersWithPermissionsConnectionTypesAndNkeys() {
        AuthorizationSettings auth = authorization(conf("authorization", map(
                "default_permissions", map("publish", "public.>"),
                "users", list(
                        map("user", "alice", "password", "$2a$11$hash", "permissions",
                                map("publish", map("allow", list("a.>"), "deny", "a.secret"),
                                        "subscribe", list("b.*", "b.q workers"), "allow_responses", true),
                                "allowed_connection_types", list("standard", "WEBSOCKET"), "proxy_required", true),
                        map("nkey", USER_KEY),
                        map("username", "carol", "authorization", map("sub", "c"))))));

        UserSettings alice = auth.users().get(0);
        assertThat(alice.username()).isEqualTo("alice");
        assertThat(alice.password()).isEqualTo("$2a$11$hash");
        assertThat(alice.permissions()).isEqualTo(new PermissionSettings(
                new SubjectPermissionSettings(List.of("a.>"), List.of("a.secret")),
                SubjectPermissionSettings.allowing(List.of("b.*", "b.q workers")),
                ResponsePermissionSettings.defaults()));
        assertThat(alice.allowedConnectionTypes()).containsExactlyInAnyOrder(ConnectionType.STANDARD,
                ConnectionType.WEBSOCKET);
        assertThat(alice.proxyRequired()).isTrue();
        UserSettings nkey = auth.users().get(1);
        assertThat(nkey.nkey()).isEqualTo(USER_KEY);
        assertThat(nkey.identity()).isEqualTo(USER_KEY);
        assertThat(nkey.permissions()).as("default permissions").isEqualTo(auth.defaultPermissions());
        assertThat(auth.users().get(2).permissions().subscribe().allow()).containsExactly("c");
    }

    static Stream<Arguments> permissions() {
        SubjectPermissionSettings none = null;
        return Stream.of(
                Arguments.of(map("pub", "a"), new PermissionSettings(
                        SubjectPermissionSettings.allowing(List.of("a")), none, null)),
                Arguments.of(map("import", list("a", "b"), "export", map("deny", "c")), new PermissionSettings(
                        SubjectPermissionSettings.allowing(List.of("a", "b")),
                        new SubjectPermissionSettings(null, List.of("c")), null)),
                Arguments.of(map("publish", map()), new PermissionSettings(none, none, null)),
                Arguments.of(map("allow_responses", true), new PermissionSettings(
                        SubjectPermissionSettings.allowing(List.of()), none, ResponsePermissionSettings.defaults())),
                Arguments.of(map("allow_responses", false), new PermissionSettings(none, none, null)),
                Arguments.of(map("publish", map("deny", "x"), "publish_allow_responses",
                        map("max", 5, "expires", "1m")), new PermissionSettings(
                        new SubjectPermissionSettings(List.of(), List.of("x")), none,
                        new ResponsePermissionSettings(5, Duration.ofMinutes(1)))),
                Arguments.of(map("allow_responses", map("max_msgs", 0, "ttl", "0s")), new PermissionSettings(
                        SubjectPermissionSettings.allowing(List.of()), none, ResponsePermissionSettings.defaults())),
                Arguments.of(map("allow_responses", map("max_responses", -1, "expiration", "-1s")),
                        new PermissionSettings(SubjectPermissionSettings.allowing(List.of()), none,
                                new ResponsePermissionSettings(-1, Duration.ofSeconds(-1)))),
                Arguments.of(map("allow_responses", map("max_messages", 2)), new PermissionSettings(
                        SubjectPermissionSettings.allowing(List.of()), none,
                        new ResponsePermissionSettings(2, ResponsePermissionSettings.DEFAULT_EXPIRES))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permissions")
    void mapsPermissionsAsNatsServerDoes(ConfigMap permissions, PermissionSettings expected) {
        assertThat(authorization(conf("authorization", map("permissions", permissions))).defaultPermissions())
                .isEqualTo(expected);
    }

    @Test
    void mapsTheAuthCallout() {
        AuthCalloutSettings callout = authorization(conf("authorization", map(
                "users", list(map("user", "auth", "password", "pw")),
                "auth_callout", map("issuer", ACCOUNT_KEY, "auth_users", list("auth"), "xkey", CURVE_KEY,
                        "allowed_accounts", list("A"))))).callout();

        assertThat(callout).isEqualTo(new AuthCalloutSettings(ACCOUNT_KEY, "$G", List.of("auth"), CURVE_KEY,
                List.of("A")));
        assertThat(authorization(conf("authorization", map("auth_hook", map("issuer", ACCOUNT_KEY,
                "users", list("x"), "acc", "AUTH", "key", CURVE_KEY)))).callout().account()).isEqualTo("AUTH");
    }

    private static Arguments error(ConfigMap block, String position, String message) {
        return Conf.fails(conf("authorization", block), position, message);
    }

    static Stream<Arguments> errors() {
        String auth = at(1, 0);
        String key = at(2, 1);
        String user = at(3, 2);
        String userKey = at(5, 3);
        return Stream.of(
                error(map("user", "a", "token", "t"), auth, "Cannot have a user/pass and token"),
                error(map("pass", "a", "token", "t"), auth, "Cannot have a user/pass and token"),
                error(map("user", "a", "users", list()), auth, "Can not have a single user/pass and a users array"),
                error(map("token", "t", "users", list()), auth, "Can not have a token and a users array"),
                error(map("users", list(map("user", "x"), map("user", "x"))), auth, "Duplicate user \"x\" detected"),
                error(map("users", list(map("nkey", USER_KEY), map("nkey", USER_KEY))), auth,
                        "Duplicate nkey \"" + USER_KEY + "\" detected"),
                error(map("bogus", 1), key, "unknown field \"bogus\""),
                error(map("timeout", true), key, "error parsing authorization config, 'timeout' wrong type"),
                error(map("timeout", "5"), key,
                        "error parsing authorization config, 'timeout' time: missing unit in duration \"5\""),
                error(map("users", "x"), key, "Expected users field to be an array, got x"),
                error(map("users", list(5)), user, "Expected user entry to be a map/struct, got 5"),
                error(map("users", list(map("password", "p"))), user, "User entry requires a user"),
                error(map("users", list(map("user", "", "password", "p"))), user, "User entry requires a user"),
                error(map("users", list(map("nkey", "", "username", ""))), user, "User entry requires a user"),
                error(map("users", list(map("nkey", "UBAD"))), user, "Not a valid public nkey for a user"),
                error(map("users", list(map("nkey", ACCOUNT_KEY))), user, "Not a valid public nkey for a user"),
                error(map("users", list(map("nkey", USER_KEY, "user", "x"))), user,
                        "Nkey users do not take usernames or passwords"),
                error(map("users", list(map("user", "x", "colour", "red"))), userKey, "unknown field \"colour\""),
                error(map("users", list(map("user", "x", "clients", list("standard", "carrier", "pigeon")))),
                        userKey, "invalid connection types [\"CARRIER\" \"PIGEON\"]"),
                error(map("users", list(map("user", "x", "connection_types", 5))), userKey,
                        "error parsing allowed connection types: unsupported type int64"),
                error(map("permissions", "x"), key, "Expected permissions to be a map/struct, got x"),
                error(map("permissions", map("publish", 5)), at(3, 2),
                        "Expected subject permissions to be a subject, or array of subjects, got int64"),
                error(map("permissions", map("publish", list(5))), at(4, 3),
                        "Subject in permissions array cannot be cast to string"),
                error(map("permissions", map("publish", "a..b")), at(3, 2), "subject \"a..b\" is not a valid subject"),
                error(map("permissions", map("publish", "a q")), at(3, 2), "subject \"a q\" is not a valid subject"),
                error(map("permissions", map("subscribe", "a..b q")), at(3, 2),
                        "subject \"a..b\" is not a valid subject"),
                error(map("permissions", map("subscribe", "a q..x")), at(3, 2), "queue \"q..x\" is not a valid queue"),
                error(map("permissions", map("subscribe", "a b c")), at(3, 2),
                        "subject \"a b c\" is not a valid subject"),
                error(map("permissions", map("publish", map("allow", "a", "never", "b"))), at(5, 3),
                        "Unknown field name \"never\" parsing subject permissions, only 'allow' or 'deny' are "
                                + "permitted"),
                error(map("permissions", map("listen", "a")), at(3, 2), "Unknown field \"listen\" parsing permissions"),
                error(map("permissions", map("allow_responses", "yes")), at(3, 2),
                        "error parsing response permissions, expected a boolean or a map"),
                error(map("permissions", map("allow_responses", map("expires", 5))), at(4, 3),
                        "error parsing expires, not a duration string"),
                error(map("permissions", map("allow_responses", map("expires", "5"))), at(4, 3),
                        "error parsing expires: time: missing unit in duration \"5\""),
                error(map("permissions", map("allow_responses", map("often", 5))), at(4, 3),
                        "Unknown field \"often\" parsing permissions"),
                error(map("auth_callout", "x"), key, "Expected authorization callout to be a map/struct, got x"),
                error(map("auth_callout", map("issuer", "bad")), at(3, 2),
                        "Expected callout user to be a valid public account nkey, got \"bad\""),
                error(map("auth_callout", map("issuer", ACCOUNT_KEY, "auth_users", list("u"), "xkey", "bad")),
                        at(6, 2), "Expected callout xkey to be a valid public xkey, got \"bad\""),
                error(map("auth_callout", map("issuer", ACCOUNT_KEY, "auth_users", "u")), at(4, 2),
                        "Expected auth_users field to be an array, got string"),
                error(map("auth_callout", map("issuer", ACCOUNT_KEY, "auth_users", list("u"), "allowed_accounts", 1)),
                        at(6, 2), "Expected allowed accounts field to be an array, got int64"),
                error(map("auth_callout", map("issuer", ACCOUNT_KEY, "auth_users", list("u"), "extra", 1)), at(6, 2),
                        "Unknown field \"extra\" parsing authorization callout"),
                error(map("auth_callout", map("auth_users", list("u"))), key,
                        "Authorization callouts require an issuer to be specified"),
                error(map("auth_callout", map("issuer", ACCOUNT_KEY)), key,
                        "Authorization callouts require authorized users to be specified"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void reportsNatsServersAuthorizationErrors(ConfigMap conf, String expected) {
        assertThat(Conf.errors(SettingsMapper.map(conf))).containsExactly(expected);
    }

    static Stream<ConfigMap> emptyCredentials() {
        return Stream.of(
                conf("authorization", map("user", "", "token", "")),
                conf("authorization", map("password", "", "token", "t")),
                conf("authorization", map("user", "", "users", list(map("user", "b")))),
                conf("authorization", map("token", "", "users", list(map("user", "b")))),
                conf("authorization", map("user", ""), "accounts", map("A", map("users", list(map("user", "b"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyCredentials")
    void emptyCredentialsAreNoCredentialsAsInNatsServer(ConfigMap conf) {
        assertThat(Conf.errors(SettingsMapper.map(conf))).isEmpty();
    }

    @Test
    void anEmptyNkeyIsNoNkeyAsInNatsServer() {
        MappedSettings mapped = SettingsMapper.map(conf("authorization", map("users",
                list(map("nkey", "", "user", "a", "password", "p")))));

        assertThat(Conf.errors(mapped)).isEmpty();
        assertThat(mapped.settings().authorization().users()).singleElement()
                .satisfies(user -> assertThat(user.nkey()).isNull())
                .satisfies(user -> assertThat(user.username()).isEqualTo("a"));
    }

    @Test
    void supportsTheAuthorizationBlockWithItsAuthCallout() {
        MappedSettings supported = SettingsMapper.map(conf("authorization", map("token", "t")));
        MappedSettings callout = SettingsMapper.map(conf("authorization", map("user", "u", "password", "p",
                "auth_callout", map("issuer", ACCOUNT_KEY,
                        "auth_users", list("u")))));

        assertThat(supported.unsupported()).isEmpty();
        assertThat(supported.settings().authorization().token()).isEqualTo("t");
        assertThat(Conf.errors(callout)).isEmpty();
        assertThat(callout.unsupported()).isEmpty();
        assertThat(Conf.refusals(callout)).isEmpty();
        assertThat(callout.settings().authorization().callout().authUsers()).containsExactly("u");
    }
}
