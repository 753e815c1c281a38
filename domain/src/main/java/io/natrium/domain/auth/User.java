package io.natrium.domain.auth;

import io.natrium.domain.permission.Permissions;

import java.util.Set;

/**
 * A user of a {@code users} list (in {@code authorization} or an account) who signs in with a username and password.
 *
 * @param username               the name the client sends as {@code user}
 * @param password               the password, plain or a bcrypt hash; "" for none
 * @param permissions            what the user may do (its own, else the block's default ones); null for unrestricted
 * @param account                the account the user belongs to; null for {@link AccountNames#GLOBAL}
 * @param allowedConnectionTypes the kinds of connection allowed; empty for all
 * @param proxyRequired          true when the user must connect through a trusted proxy
 */
public record User(String username, String password, Permissions permissions, String account,
        Set<ConnectionType> allowedConnectionTypes, boolean proxyRequired) {

    public User {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("a user needs a username");
        }
        password = password == null ? "" : password;
        permissions = permissions == null ? Permissions.unrestricted() : permissions;
        account = account == null ? AccountNames.GLOBAL : account;
        allowedConnectionTypes = allowedConnectionTypes == null ? Set.of() : Set.copyOf(allowedConnectionTypes);
    }

    /** A user of the global account with no restrictions. */
    public static User of(String username, String password) {
        return new User(username, password, null, null, Set.of(), false);
    }

    public User withPermissions(Permissions value) {
        return new User(username, password, value, account, allowedConnectionTypes, proxyRequired);
    }

    public User withAccount(String value) {
        return new User(username, password, permissions, value, allowedConnectionTypes, proxyRequired);
    }

    public User withAllowedConnectionTypes(Set<ConnectionType> value) {
        return new User(username, password, permissions, account, value, proxyRequired);
    }

    public User withProxyRequired(boolean value) {
        return new User(username, password, permissions, account, allowedConnectionTypes, value);
    }

    @Override
    public String toString() {
        return "User[username=" + username + ", password=" + Secret.redact(password) + ", permissions=" + permissions
                + ", account=" + account + ", allowedConnectionTypes=" + allowedConnectionTypes + ", proxyRequired="
                + proxyRequired + "]";
    }
}
