package io.natrium.application.settings;

import io.natrium.domain.subject.SubjectFilter;

import java.util.List;

/**
 * Accounts and how clients land in them.
 *
 * @param accounts        the configured accounts ({@code accounts}), in file order
 * @param mappings        the subject mappings of the global account {@code $G} (top-level {@code mappings})
 * @param systemAccount   the system account's name ({@code system_account}); null for {@code $SYS}
 * @param noSystemAccount true to run without a system account ({@code no_system_account})
 * @param noAuthUser      the user a client without credentials is treated as ({@code no_auth_user}); null for none
 * @param defaultSentinel the JWT of the default sentinel user ({@code default_sentinel}); null for none
 */
public record AccountsSettings(
        List<AccountSettings> accounts,
        List<MappingSettings> mappings,
        String systemAccount,
        boolean noSystemAccount,
        String noAuthUser,
        String defaultSentinel) {

    public static final String GLOBAL_ACCOUNT = "$G";
    public static final String DEFAULT_SYSTEM_ACCOUNT = "$SYS";

    public AccountsSettings {
        accounts = List.copyOf(accounts);
        mappings = List.copyOf(mappings);
    }

    public static AccountsSettings none() {
        return new AccountsSettings(List.of(), List.of(), null, false, null, null);
    }

    public AccountsSettings withAccounts(List<AccountSettings> value) {
        return new AccountsSettings(value, mappings, systemAccount, noSystemAccount, noAuthUser, defaultSentinel);
    }

    public AccountsSettings withMappings(List<MappingSettings> value) {
        return new AccountsSettings(accounts, value, systemAccount, noSystemAccount, noAuthUser, defaultSentinel);
    }

    public AccountsSettings withSystemAccount(String value) {
        return new AccountsSettings(accounts, mappings, value, noSystemAccount, noAuthUser, defaultSentinel);
    }

    public AccountsSettings withNoSystemAccount(boolean value) {
        return new AccountsSettings(accounts, mappings, systemAccount, value, noAuthUser, defaultSentinel);
    }

    public AccountsSettings withNoAuthUser(String value) {
        return new AccountsSettings(accounts, mappings, systemAccount, noSystemAccount, value, defaultSentinel);
    }

    public AccountsSettings withDefaultSentinel(String value) {
        return new AccountsSettings(accounts, mappings, systemAccount, noSystemAccount, noAuthUser, value);
    }

    /**
     * The export an import draws on: one of the same kind in the exporting account whose subject is the imported
     * one or covers it, open to the importer. Null when there is none, which nats-server would call invalid.
     */
    public ExportSettings exportFor(ImportSettings imported, String importer) {
        for (AccountSettings exporter : accounts) {
            if (!exporter.name().equals(imported.account())) {
                continue;
            }
            ExportSettings covering = null;
            for (ExportSettings export : exporter.exports()) {
                if (export.kind() != imported.kind()
                        || !export.accounts().isEmpty() && !export.accounts().contains(importer)) {
                    continue;
                }
                if (export.subject().equals(imported.subject())) {
                    return export;
                }
                if (covering == null && SubjectFilter.isSubset(imported.subject(), export.subject())) {
                    covering = export;
                }
            }
            return covering;
        }
        return null;
    }
}
