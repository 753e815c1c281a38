package io.natrium.application.security;

import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.ResponseType;
import io.natrium.domain.subject.SubjectFilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounts as nats-server runs them once it has a system account: the system account ({@code $SYS} unless
 * {@code system_account} names a configured one; none with {@code no_system_account}) exports the account
 * monitoring services ({@code addSystemAccountExports}), and every other account, the global one included, imports
 * them on the ping subjects ({@code registerSystemImports}). Derived from the configured accounts rather than kept in
 * them, so that a reload still compares what the file said.
 */
public final class SystemAccountSettings {

    /** The export clamping the importer's name into the fourth token, as nats-server picks it. */
    private static final int ACCOUNT_TOKEN = 4;
    public static final String ACCOUNT_CONNZ = "$SYS.REQ.ACCOUNT.*.CONNZ";
    public static final String ACCOUNT_STATZ = "$SYS.REQ.ACCOUNT.*.STATZ";
    public static final String DEBUG_SUBSCRIBERS = "$SYS.DEBUG.SUBSCRIBERS";

    private SystemAccountSettings() {
    }

    /**
     * The system account's name, or null when the server runs without one. As in nats-server, a named
     * {@code system_account} wins over {@code no_system_account}.
     */
    public static String name(AccountsSettings settings) {
        String named = settings.systemAccount();
        if (named != null && !named.isEmpty()) {
            return named;
        }
        return settings.noSystemAccount() ? null : AccountsSettings.DEFAULT_SYSTEM_ACCOUNT;
    }

    /**
     * The configured accounts with the system account added when it is not configured, its exports added, and the
     * system imports added to every other account; the global account appears as an account of its own then, to
     * carry its imports. Unchanged without a system account.
     */
    public static AccountsSettings effective(AccountsSettings settings) {
        String system = name(settings);
        if (system == null) {
            return settings;
        }
        List<AccountSettings> accounts = new ArrayList<>();
        boolean systemFound = false;
        for (AccountSettings account : settings.accounts()) {
            if (account.name().equals(system)) {
                systemFound = true;
                accounts.add(withExports(account));
            } else {
                accounts.add(withImports(account, system));
            }
        }
        if (!systemFound) {
            accounts.add(withExports(AccountSettings.named(system)));
        }
        accounts.add(withImports(AccountSettings.named(AccountsSettings.GLOBAL_ACCOUNT), system));
        return settings.withAccounts(accounts);
    }

    /** nats-server adds an export only where no configured export already matches its subject. */
    private static AccountSettings withExports(AccountSettings account) {
        List<ExportSettings> exports = new ArrayList<>(account.exports());
        addExport(exports, ACCOUNT_CONNZ, ResponseType.STREAM, ACCOUNT_TOKEN);
        addExport(exports, ACCOUNT_STATZ, ResponseType.STREAM, ACCOUNT_TOKEN);
        addExport(exports, DEBUG_SUBSCRIBERS, ResponseType.SINGLETON, 0);
        return new AccountSettings(account.name(), account.nkey(), account.users(), exports, account.imports(),
                account.defaultPermissions(), account.mappings(), account.limits(), account.messageTrace());
    }

    private static void addExport(List<ExportSettings> exports, String subject, ResponseType type, int tokenPosition) {
        for (ExportSettings export : exports) {
            if (export.kind() == ExportKind.SERVICE && SubjectFilter.isSubset(subject, export.subject())) {
                return;
            }
        }
        exports.add(new ExportSettings(ExportKind.SERVICE, subject, List.of(), type, Duration.ZERO, null,
                tokenPosition, false));
    }

    /** The three imports nats-server gives every account, unless the account imports on those subjects itself. */
    private static AccountSettings withImports(AccountSettings account, String system) {
        List<ImportSettings> imports = new ArrayList<>(account.imports());
        String connz = "$SYS.REQ.ACCOUNT." + account.name() + ".CONNZ";
        addImport(imports, system, "$SYS.REQ.ACCOUNT.PING.CONNZ", connz);
        addImport(imports, system, "$SYS.REQ.SERVER.PING.CONNZ", connz);
        addImport(imports, system, "$SYS.REQ.ACCOUNT.PING.STATZ", "$SYS.REQ.ACCOUNT." + account.name() + ".STATZ");
        AccountLimitSettings limits = account.limits();
        return new AccountSettings(account.name(), account.nkey(), account.users(), account.exports(), imports,
                account.defaultPermissions(), account.mappings(), limits, account.messageTrace());
    }

    /**
     * Whether {@code imported} is one of the imports {@link #effective} gives every account from the system account
     * {@code system} (rather than one the configuration made).
     */
    public static boolean isAdded(ImportSettings imported, String system) {
        return imported.kind() == ExportKind.SERVICE && imported.account().equals(system)
                && imported.subject().startsWith("$SYS.REQ.ACCOUNT.") && ("$SYS.REQ.ACCOUNT.PING.CONNZ"
                        .equals(imported.to()) || "$SYS.REQ.SERVER.PING.CONNZ".equals(imported.to())
                        || "$SYS.REQ.ACCOUNT.PING.STATZ".equals(imported.to()));
    }

    private static void addImport(List<ImportSettings> imports, String system, String local, String exported) {
        for (ImportSettings imported : imports) {
            String existing = imported.to() == null || imported.to().isEmpty() ? imported.subject() : imported.to();
            if (imported.kind() == ExportKind.SERVICE && existing.equals(local)) {
                return;
            }
        }
        imports.add(new ImportSettings(ExportKind.SERVICE, system, exported, null, local, false, false));
    }
}
