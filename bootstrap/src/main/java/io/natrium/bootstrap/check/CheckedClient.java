package io.natrium.bootstrap.check;

import io.natrium.domain.permission.Permissions;
import io.natrium.domain.text.GoStrings;

/**
 * The client a check is about, as the server would see it after signing in.
 *
 * @param who         who it is ({@code user "alice"}); null for {@code --account}, which names no one
 * @param account     the account it lands in
 * @param permissions its permissions, compiled as the server compiles them
 * @param origin      where the permissions come from ({@code own permissions}, {@code default_permissions of
 *                    account "A"}, {@code no permissions})
 */
record CheckedClient(String who, String account, Permissions permissions, String origin) {

    /** The first line of a report. */
    String header() {
        String where = who == null
                ? "account " + GoStrings.quote(account) + ", a user without permissions of its own"
                : who + " in account " + GoStrings.quote(account);
        return where + " (" + origin + ")";
    }
}
