package io.natrium.adapter.config;

import io.natrium.domain.text.GoDurations;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigFloat;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.application.settings.PermissionSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.text.GoFloats;
import io.natrium.domain.text.GoStrings;

import java.time.Duration;
import java.util.List;

/**
 * The top-level {@code authorization} block. A single user/password, a token and a users list exclude one another;
 * users must be unique here and across accounts.
 */
final class AuthorizationMapper {

    private static final double HIGH_TIMEOUT_SECONDS = 60;

    private static final KeyTable<Draft> AUTHORIZATION = KeyTable.<Draft>strict()
            .on((draft, entry, reader) -> reader.string(entry, value -> draft.user = value), "user", "username")
            .on((draft, entry, reader) -> reader.string(entry, value -> draft.password = value), "pass", "password")
            .on((draft, entry, reader) -> reader.string(entry, value -> draft.token = value), "token")
            .on(AuthorizationMapper::timeout, "timeout")
            .on((draft, entry, reader) -> draft.users = entry, "users")
            .on((draft, entry, reader) -> draft.defaultPermissions = PermissionsMapper.map(entry, reader),
                    "default_permission", "default_permissions", "permissions")
            .on((draft, entry, reader) -> draft.callout = AuthCalloutMapper.map(entry, reader),
                    "auth_callout", "auth_hook")
            .on((draft, entry, reader) -> reader.bool(entry, value -> draft.proxyRequired = value),
                    "proxy_required");

    private static final class Draft {
        String user;
        String password;
        String token;
        Duration timeout = Duration.ZERO;
        ConfigEntry users;
        PermissionSettings defaultPermissions;
        AuthCalloutSettings callout;
        boolean proxyRequired;
    }

    private AuthorizationMapper() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on(AuthorizationMapper::map, "authorization");
    }

    private static void map(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        ConfigMap block = reader.map(entry);
        if (block == null) {
            return;
        }
        Draft draft = new Draft();
        AUTHORIZATION.apply(block, draft, reader);
        // Users are read last so that default permissions apply wherever the keys stand.
        List<UserSettings> users = draft.users == null ? null
                : UsersMapper.map(draft.users, reader, draft.defaultPermissions);
        // nats-server tests these strings for emptiness: "" is the same as leaving the key out.
        file.singleUser = present(draft.user);
        file.token = present(draft.token);
        file.settings.authorization(new AuthorizationSettings(draft.user, draft.password, draft.token, draft.timeout,
                users == null ? List.of() : users, draft.defaultPermissions, draft.callout, draft.proxyRequired));
        if ((present(draft.user) || present(draft.password)) && present(draft.token)) {
            reader.error(entry, "Cannot have a user/pass and token");
            return;
        }
        if (draft.users != null || !file.userIdentities.isEmpty()) {
            if (present(draft.user)) {
                reader.error(entry, "Can not have a single user/pass and a users array");
                return;
            }
            if (present(draft.token)) {
                reader.error(entry, "Can not have a token and a users array");
                return;
            }
        }
        register(file, entry, reader, users == null ? List.of() : users);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    /** Records users as defined, reporting the first duplicate as nats-server does. */
    private static void register(FileDraft file, ConfigEntry entry, ConfigReader reader, List<UserSettings> users) {
        for (UserSettings user : users) {
            if (!file.userIdentities.add(user.identity())) {
                reader.error(entry, duplicate(user));
                return;
            }
        }
    }

    /** nats-server's {@code Duplicate user "x" detected} or {@code Duplicate nkey "x" detected}. */
    static String duplicate(UserSettings user) {
        return "Duplicate " + (user.nkey() != null ? "nkey " : "user ") + GoStrings.quote(user.identity())
                + " detected";
    }

    private static void timeout(Draft draft, ConfigEntry entry, ConfigReader reader) {
        Double seconds = reader.secondsValue(entry, "error parsing authorization config, 'timeout'");
        if (seconds == null) {
            return;
        }
        if (seconds > HIGH_TIMEOUT_SECONDS) {
            reader.invalidUse(entry, entry.key(), "timeout of " + written(entry) + " (" + GoFloats.fixed(seconds)
                    + " seconds) is high, consider keeping it under 60 seconds. possibly caused by unquoted "
                    + "duration; use '1m' instead of 1m, for example");
        }
        draft.timeout = GoDurations.ofSeconds(seconds);
    }

    private static String written(ConfigEntry entry) {
        if (entry.value() instanceof ConfigString text) {
            return text.value();
        }
        if (entry.value() instanceof ConfigFloat number) {
            return GoFloats.v(number.value());
        }
        return Long.toString(((ConfigInteger) entry.value()).value());
    }
}
