package io.natrium.application.security;

import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.AuthorizationSettings;
import io.natrium.application.settings.PermissionSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.auth.AuthConfiguration;
import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeyUser;
import io.natrium.domain.auth.User;

import java.util.ArrayList;
import java.util.List;

/**
 * The domain's {@link AuthConfiguration} of the settings: the {@code authorization} block's single user, token and
 * users (of the global account), and the users of every account, each with its own permissions or else its block's
 * {@code default_permissions}; and the {@link InventedNoAuthUser} when nats-server would invent it.
 */
public final class AuthConfigurations {

    private AuthConfigurations() {
    }

    public static AuthConfiguration of(ServerSettings settings) {
        AuthorizationSettings authorization = settings.authorization();
        List<User> users = new ArrayList<>();
        List<NKeyUser> nkeyUsers = new ArrayList<>();
        add(authorization.users(), authorization.defaultPermissions(), null, users, nkeyUsers);
        AccountsSettings accounts = settings.accounts();
        for (AccountSettings account : accounts.accounts()) {
            add(account.users(), account.defaultPermissions(), account.name(), users, nkeyUsers);
        }
        boolean certificateMapping = settings.tls() != null && settings.tls().verify().map();
        String noAuthUser = accounts.noAuthUser();
        User invented = InventedNoAuthUser.of(settings);
        if (invented != null) {
            users.add(invented);
            noAuthUser = invented.username();
        }
        return new AuthConfiguration(authorization.user(), authorization.password(), authorization.token(), users,
                nkeyUsers, noAuthUser, authorization.proxyRequired(), certificateMapping);
    }

    private static void add(List<UserSettings> configured, PermissionSettings defaults, String account,
            List<User> users, List<NKeyUser> nkeyUsers) {
        for (UserSettings user : configured) {
            PermissionSettings permissions = user.permissions() != null ? user.permissions() : defaults;
            if (user.nkey() != null) {
                nkeyUsers.add(new NKeyUser(NKey.parse(user.nkey()), PermissionsMapping.of(permissions), account,
                        user.allowedConnectionTypes(), user.proxyRequired()));
            } else {
                users.add(new User(user.username(), user.password(), PermissionsMapping.of(permissions), account,
                        user.allowedConnectionTypes(), user.proxyRequired()));
            }
        }
    }
}
