package io.natrium.application.security;

import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.domain.account.AccountDefinition;
import io.natrium.domain.account.AccountGraph;
import io.natrium.domain.account.AccountGraphException;

import java.util.ArrayList;
import java.util.List;

/**
 * The domain's {@link AccountGraph} of the configured accounts' {@code exports} and {@code imports}, which the server
 * routes messages across accounts by. The config loader builds the same graph from the same
 * {@link AccountSettings#definition() definitions} to report nats-server's load errors, so settings that reach here
 * were already checked.
 */
public final class AccountGraphOfSettings {

    private AccountGraphOfSettings() {
    }

    /**
     * The graph of the configured accounts, in file order.
     *
     * @throws AccountGraphException with every problem, in nats-server's words
     */
    public static AccountGraph of(AccountsSettings settings) {
        List<AccountDefinition> definitions = new ArrayList<>(settings.accounts().size());
        for (AccountSettings account : settings.accounts()) {
            definitions.add(account.definition());
        }
        return AccountGraph.build(definitions);
    }
}
