package io.natrium.application.settings;

import io.natrium.domain.auth.ConnectionType;

import java.util.Set;

/**
 * A user of an {@code authorization} or account {@code users} list: a username with a password, or an nkey.
 *
 * @param username               the user name; null for an nkey user
 * @param password               the password, plain or bcrypt ({@code $2a$...}); null for none
 * @param nkey                   the user's public nkey ({@code U...}); null for a username user
 * @param permissions            the user's own permissions, else the block's default ones; null for none
 * @param allowedConnectionTypes the kinds of connection allowed; empty for all
 * @param proxyRequired          true when the user must connect through a trusted proxy
 */
public record UserSettings(
        String username,
        String password,
        String nkey,
        PermissionSettings permissions,
        Set<ConnectionType> allowedConnectionTypes,
        boolean proxyRequired) {

    public UserSettings {
        allowedConnectionTypes = Set.copyOf(allowedConnectionTypes);
    }

    /** The name the user is known by: its nkey or its username. */
    public String identity() {
        return nkey != null ? nkey : username;
    }

    public UserSettings withPermissions(PermissionSettings value) {
        return new UserSettings(username, password, nkey, value, allowedConnectionTypes, proxyRequired);
    }

    @Override
    public String toString() {
        return "UserSettings[username=" + username + ", password=" + Secrets.redact(password) + ", nkey=" + nkey
                + ", permissions=" + permissions + ", allowedConnectionTypes=" + allowedConnectionTypes
                + ", proxyRequired=" + proxyRequired + "]";
    }
}
