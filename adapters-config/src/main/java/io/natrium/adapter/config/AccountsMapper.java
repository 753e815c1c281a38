package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.domain.account.AccountGraph;
import io.natrium.domain.account.AccountGraphException;
import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code accounts} block (a list of names, or a map of accounts) and the top-level keys about accounts:
 * {@code system_account}, {@code no_system_account}, {@code no_auth_user}, {@code default_sentinel}.
 */
final class AccountsMapper {

    private AccountsMapper() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on(AccountsMapper::map, "accounts")
                .on((draft, entry, reader) -> {
                    if (entry.value() instanceof ConfigString name) {
                        draft.settings.accounts(accounts -> accounts.withSystemAccount(name.value()));
                    } else {
                        reader.error(entry, "system account name must be a string");
                    }
                }, "system_account", "system")
                .on((draft, entry, reader) -> reader.bool(entry,
                        value -> draft.settings.accounts(accounts -> accounts.withNoSystemAccount(value))),
                        "no_system_account", "no_system", "no_sys_acc")
                .on((draft, entry, reader) -> reader.string(entry,
                        value -> draft.settings.accounts(accounts -> accounts.withNoAuthUser(value))), "no_auth_user")
                .notYet((draft, entry, reader) -> reader.string(entry,
                        value -> draft.settings.accounts(accounts -> accounts.withDefaultSentinel(value))),
                        "default_sentinel");
    }

    private static void map(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        int errors = reader.errorCount();
        List<AccountSettings> accounts = new ArrayList<>();
        if (entry.value() instanceof ConfigList names) {
            Set<String> seen = new HashSet<>();
            for (ConfigValue element : names.values()) {
                String name = reader.string(element);
                if (name == null) {
                    continue;
                }
                if (reserved(name)) {
                    reader.error(element.position(), GoStrings.quote(name) + " is a Reserved Account");
                } else if (!seen.add(name)) {
                    reader.error(element.position(), "Duplicate Account Entry: " + name);
                } else {
                    accounts.add(AccountSettings.named(name));
                }
            }
        } else {
            ConfigMap block = reader.map(entry);
            for (ConfigEntry account : block == null ? List.<ConfigEntry>of() : block.all()) {
                if (!(account.value() instanceof ConfigMap fields)) {
                    reader.error(account, "Expected map entries for accounts");
                } else if (reserved(account.key())) {
                    reader.error(account, GoStrings.quote(account.key()) + " is a Reserved Account");
                } else {
                    accounts.add(AccountMapper.map(file, account, fields, reader));
                }
            }
        }
        file.settings.accounts(settings -> settings.withAccounts(accounts));
        if (reader.errorCount() == errors) {
            checkExportsAndImports(entry, accounts, reader);
        }
    }

    private static boolean reserved(String name) {
        return name.equals(AccountsSettings.GLOBAL_ACCOUNT);
    }

    /**
     * nats-server's second pass over the accounts, once they all exist: exports, then imports, checked against each
     * other by the domain's account graph (accounts named but not defined, authorization, prefixes, transforms,
     * duplicates, cycles). nats-server reports these at the {@code accounts} key.
     */
    private static void checkExportsAndImports(ConfigEntry entry, List<AccountSettings> accounts,
            ConfigReader reader) {
        try {
            AccountGraph.build(accounts.stream().map(AccountSettings::definition).toList());
        } catch (AccountGraphException e) {
            e.errors().forEach(error -> reader.error(entry, error));
        }
    }
}
