package io.natrium.application.security;

import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.auth.User;

import java.security.SecureRandom;

/**
 * The user nats-server 2.9.10 invents ({@code configureAccounts}) when the only account configured is the system
 * account: giving {@code $SYS} users would otherwise lock every client without credentials out, so it adds a user of
 * the global account, {@code nats-} and eight random characters, and makes it the {@code no_auth_user}. That happens
 * outside operator mode, when the system account is set (named by {@code system_account}, or an account named
 * {@code $SYS} is configured), exactly one account is configured and no {@code no_auth_user} is.
 */
public final class InventedNoAuthUser {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_CHARACTERS = 8;
    /**
     * Drawn once: nats-server keeps the name across reloads, so that the clients it let in are not closed as users
     * gone from the configuration.
     */
    static final String NAME = draw();

    private InventedNoAuthUser() {
    }

    /** The invented user for these settings, or null when nats-server would invent none. */
    static User of(ServerSettings settings) {
        AccountsSettings accounts = settings.accounts();
        if (settings.operator().enabled() || accounts.accounts().size() != 1
                || accounts.noAuthUser() != null && !accounts.noAuthUser().isEmpty()) {
            return null;
        }
        boolean systemNamed = accounts.systemAccount() != null && !accounts.systemAccount().isEmpty();
        AccountSettings only = accounts.accounts().get(0);
        if (!systemNamed && !only.name().equals(AccountsSettings.DEFAULT_SYSTEM_ACCOUNT)) {
            return null;
        }
        // nats-server's password is the name past its sixth character; nobody needs to know it.
        return new User(NAME, NAME.substring(6), null, null, null, false);
    }

    /** Whether {@code username} is the invented user, which nats-server leaves out of its plain-password warning. */
    static boolean is(String username) {
        return NAME.equals(username);
    }

    private static String draw() {
        SecureRandom random = new SecureRandom();
        StringBuilder name = new StringBuilder("nats-");
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            name.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        }
        return name.toString();
    }
}
