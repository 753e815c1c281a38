package io.natrium.bootstrap.check;

import io.natrium.application.security.AuthConfigurations;
import io.natrium.application.security.PermissionsMapping;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.PermissionSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.bootstrap.check.CheckArguments.Client;
import io.natrium.domain.auth.AccountNames;
import io.natrium.domain.auth.AuthConfiguration;
import io.natrium.domain.auth.NKeyUser;
import io.natrium.domain.auth.User;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.text.GoStrings;

import java.util.List;

/**
 * Finds the client of a check in the settings. Users and nkey users come from {@link AuthConfigurations}, the very
 * objects the server authenticates against, so their account and permissions are the server's; the settings are
 * read again only to say whether the permissions were the user's own or its block's defaults.
 */
final class ClientResolver {

    private static final String NO_PERMISSIONS = "no permissions";

    private final ServerSettings settings;
    private final AuthConfiguration auth;

    ClientResolver(ServerSettings settings) {
        this.settings = settings;
        this.auth = AuthConfigurations.of(settings);
    }

    /**
     * @throws CheckException when the configuration has no such user, token or account
     */
    CheckedClient resolve(Client client) throws CheckException {
        return switch (client.kind()) {
            case USER -> user(client.name());
            case NKEY -> nkeyUser(client.name());
            case TOKEN -> tokenClient();
            case ACCOUNT -> accountUser(client.name());
        };
    }

    private CheckedClient user(String name) throws CheckException {
        for (User user : auth.users()) {
            if (user.username().equals(name)) {
                return new CheckedClient("user " + GoStrings.quote(name), user.account(), user.permissions(),
                        origin(name, user.account()));
            }
        }
        if (!auth.username().isEmpty() && auth.username().equals(name)) {
            // The authorization block's single user: the server gives it the global account and no permissions.
            return new CheckedClient("user " + GoStrings.quote(name) + " (the authorization block's single user)",
                    AccountNames.GLOBAL, Permissions.unrestricted(), NO_PERMISSIONS);
        }
        throw new CheckException("unknown user " + GoStrings.quote(name) + noAuthHint());
    }

    private CheckedClient nkeyUser(String nkey) throws CheckException {
        for (NKeyUser user : auth.nkeyUsers()) {
            if (user.nkey().encoded().equals(nkey)) {
                return new CheckedClient("nkey user " + nkey, user.account(), user.permissions(),
                        origin(nkey, user.account()));
            }
        }
        throw new CheckException("unknown nkey user " + GoStrings.quote(nkey) + noAuthHint());
    }

    private CheckedClient tokenClient() throws CheckException {
        if (auth.token().isEmpty()) {
            throw new CheckException("the configuration has no authorization token");
        }
        return new CheckedClient("token client", AccountNames.GLOBAL, Permissions.unrestricted(), NO_PERMISSIONS);
    }

    /** A user of the account with no permissions of its own: it gets the block's {@code default_permissions}. */
    private CheckedClient accountUser(String name) throws CheckException {
        if (AccountNames.GLOBAL.equals(name)) {
            PermissionSettings defaults = settings.authorization().defaultPermissions();
            return new CheckedClient(null, name, PermissionsMapping.of(defaults),
                    defaults == null ? NO_PERMISSIONS : "default_permissions of authorization");
        }
        AccountSettings account = account(name);
        if (account != null) {
            return new CheckedClient(null, name, PermissionsMapping.of(account.defaultPermissions()),
                    account.defaultPermissions() == null ? NO_PERMISSIONS
                            : "default_permissions of account " + GoStrings.quote(name));
        }
        if (name.equals(systemAccount())) {
            // The server creates the system account even when the configuration does not declare it.
            return new CheckedClient(null, name, Permissions.unrestricted(), NO_PERMISSIONS);
        }
        throw new CheckException("unknown account " + GoStrings.quote(name));
    }

    /** Own permissions, the defaults (the mapper copies them into users without their own), or none. */
    private String origin(String identity, String accountName) {
        PermissionSettings defaults;
        UserSettings user;
        if (AccountNames.GLOBAL.equals(accountName)) {
            defaults = settings.authorization().defaultPermissions();
            user = find(settings.authorization().users(), identity);
        } else {
            AccountSettings account = account(accountName);
            defaults = account == null ? null : account.defaultPermissions();
            user = account == null ? null : find(account.users(), identity);
        }
        PermissionSettings permissions = user == null ? null : user.permissions();
        if (permissions == null) {
            return NO_PERMISSIONS;
        }
        if (permissions.equals(defaults)) {
            return AccountNames.GLOBAL.equals(accountName) ? "default_permissions of authorization"
                    : "default_permissions of account " + GoStrings.quote(accountName);
        }
        return "own permissions";
    }

    private static UserSettings find(List<UserSettings> users, String identity) {
        for (UserSettings user : users) {
            if (identity.equals(user.identity())) {
                return user;
            }
        }
        return null;
    }

    private AccountSettings account(String name) {
        for (AccountSettings account : settings.accounts().accounts()) {
            if (account.name().equals(name)) {
                return account;
            }
        }
        return null;
    }

    private String systemAccount() {
        AccountsSettings accounts = settings.accounts();
        if (accounts.noSystemAccount()) {
            return null;
        }
        return accounts.systemAccount() == null ? AccountNames.SYSTEM : accounts.systemAccount();
    }

    /** Without any user, every client is let in to the global account: say how to check that. */
    private String noAuthHint() {
        return auth.authRequired() ? ""
                : " (the configuration has no users: every client is in account $G; use --account '$G')";
    }
}
