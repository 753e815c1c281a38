package io.natrium.application.settings;

import java.time.Duration;
import java.util.List;

/**
 * The {@code authorization} block (and {@code --user}, {@code --pass}, {@code --auth}). A single user/password, a
 * token and a users list are mutually exclusive.
 *
 * @param user               the single user name; null for none
 * @param password           the single user's password; null for none
 * @param token              the token clients must present; null for none
 * @param timeout            how long a client has to authenticate; zero for the default
 *                           (2 s, or the TLS timeout plus 1 s with TLS)
 * @param users              the users of the global account (username or nkey users)
 * @param defaultPermissions permissions of users that have none of their own; null for none
 * @param callout            delegated authentication; null for none
 * @param proxyRequired      true when the single user must connect through a trusted proxy
 */
public record AuthorizationSettings(
        String user,
        String password,
        String token,
        Duration timeout,
        List<UserSettings> users,
        PermissionSettings defaultPermissions,
        AuthCalloutSettings callout,
        boolean proxyRequired) {

    public AuthorizationSettings {
        users = List.copyOf(users);
    }

    public static AuthorizationSettings none() {
        return new AuthorizationSettings(null, null, null, Duration.ZERO, List.of(), null, null, false);
    }

    public AuthorizationSettings withUser(String value) {
        return new AuthorizationSettings(value, password, token, timeout, users, defaultPermissions, callout,
                proxyRequired);
    }

    public AuthorizationSettings withPassword(String value) {
        return new AuthorizationSettings(user, value, token, timeout, users, defaultPermissions, callout,
                proxyRequired);
    }

    public AuthorizationSettings withToken(String value) {
        return new AuthorizationSettings(user, password, value, timeout, users, defaultPermissions, callout,
                proxyRequired);
    }

    @Override
    public String toString() {
        return "AuthorizationSettings[user=" + user + ", password=" + Secrets.redact(password) + ", token="
                + Secrets.redact(token) + ", timeout=" + timeout + ", users=" + users + ", defaultPermissions="
                + defaultPermissions + ", callout=" + callout + ", proxyRequired=" + proxyRequired + "]";
    }
}
