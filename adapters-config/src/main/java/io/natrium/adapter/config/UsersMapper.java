package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.PermissionSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A {@code users} list: username/password users and nkey users, each with optional permissions. */
final class UsersMapper {

    private static final KeyTable<Draft> USER = KeyTable.<Draft>strict()
            .on((draft, entry, reader) -> reader.string(entry, value -> draft.nkey = value), "nkey")
            .on((draft, entry, reader) -> reader.string(entry, value -> draft.username = value), "user", "username")
            .on((draft, entry, reader) -> reader.string(entry, value -> draft.password = value), "pass", "password")
            .on((draft, entry, reader) -> draft.permissions = PermissionsMapper.map(entry, reader),
                    "permission", "permissions", "authorization")
            .on((draft, entry, reader) -> draft.connectionTypes = connectionTypes(entry, reader),
                    "allowed_connection_types", "connection_types", "clients")
            .on((draft, entry, reader) -> reader.bool(entry, value -> draft.proxyRequired = value), "proxy_required");

    private static final class Draft {
        String nkey;
        String username;
        String password;
        PermissionSettings permissions;
        Set<ConnectionType> connectionTypes = Set.of();
        boolean proxyRequired;
    }

    private UsersMapper() {
    }

    /**
     * The users of a {@code users} entry, each given the default permissions when it has none of its own; null
     * when the entry is not a list (reported). Invalid users are reported and left out.
     */
    static List<UserSettings> map(ConfigEntry entry, ConfigReader reader, PermissionSettings defaults) {
        if (!(entry.value() instanceof ConfigList list)) {
            reader.error(entry, "Expected users field to be an array, got " + GoValue.of(entry.value()));
            return null;
        }
        List<UserSettings> users = new ArrayList<>();
        for (ConfigValue element : list.values()) {
            if (!(element instanceof ConfigMap block)) {
                reader.error(element.position(), "Expected user entry to be a map/struct, got "
                        + GoValue.of(element));
                continue;
            }
            Draft draft = new Draft();
            USER.apply(block, draft, reader);
            UserSettings user = user(draft, block, reader, defaults);
            if (user != null) {
                users.add(user);
            }
        }
        return users;
    }

    private static UserSettings user(Draft draft, ConfigMap block, ConfigReader reader, PermissionSettings defaults) {
        // nats-server tests for empty strings, so "" is the same as leaving the key out.
        if (isEmpty(draft.nkey)) {
            draft.nkey = null;
        }
        if (draft.nkey == null && isEmpty(draft.username)) {
            reader.error(block.position(), "User entry requires a user");
            return null;
        }
        if (draft.nkey != null) {
            NKey nkey = NKey.parse(draft.nkey);
            if (nkey == null || nkey.type() != NKeyType.USER) {
                reader.error(block.position(), "Not a valid public nkey for a user");
                return null;
            }
            if (!isEmpty(draft.username) || !isEmpty(draft.password)) {
                reader.error(block.position(), "Nkey users do not take usernames or passwords");
                return null;
            }
        }
        PermissionSettings permissions = draft.permissions != null ? draft.permissions : defaults;
        return new UserSettings(draft.username, draft.password, draft.nkey, permissions, draft.connectionTypes,
                draft.proxyRequired);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static Set<ConnectionType> connectionTypes(ConfigEntry entry, ConfigReader reader) {
        List<String> names = reader.stringArray("allowed connection types", entry);
        if (names == null) {
            return Set.of();
        }
        Set<ConnectionType> types = EnumSet.noneOf(ConnectionType.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            String upper = name.toUpperCase(Locale.ROOT);
            try {
                types.add(ConnectionType.valueOf(upper));
            } catch (IllegalArgumentException e) {
                unknown.add(upper);
            }
        }
        if (!unknown.isEmpty()) {
            reader.error(entry, "invalid connection types " + GoStrings.quote(unknown));
        }
        return types;
    }
}
