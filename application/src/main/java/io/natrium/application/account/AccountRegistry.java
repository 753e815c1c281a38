package io.natrium.application.account;

import io.natrium.application.account.ImportRoutes.ServiceRoute;
import io.natrium.application.account.ImportRoutes.StreamRoute;
import io.natrium.application.security.MappingsOfSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ImportSettings;
import io.natrium.domain.account.AccountGraph;
import io.natrium.domain.account.ResolvedServiceImport;
import io.natrium.domain.account.ResolvedStreamImport;
import io.natrium.domain.sublist.Sublist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The accounts of the server by name: the global account and every configured one. A reload adds the new accounts
 * and updates the others in place, so their subscriptions and clients stay where they are.
 */
public final class AccountRegistry {

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Account global;
    private volatile Account system;
    private final boolean cacheResults;
    private final Executor cacheSweeper;

    public AccountRegistry(boolean cacheResults, Executor cacheSweeper) {
        this.cacheResults = cacheResults;
        this.cacheSweeper = cacheSweeper;
        this.global = new Account(Account.GLOBAL, newSublist());
        accounts.put(Account.GLOBAL, global);
    }

    public Account global() {
        return global;
    }

    /** The system account; null when the server runs without one. */
    public Account system() {
        return system;
    }

    /** The account of that name, or null when there is none. */
    public Account find(String name) {
        return accounts.get(name);
    }

    /** Every account, by name. */
    public List<Account> all() {
        List<Account> all = new ArrayList<>(accounts.values());
        all.sort(Comparator.comparing(Account::name));
        return all;
    }

    /**
     * Creates the configured accounts that do not exist yet, puts the limits of all of them in force and forgets the
     * accounts no longer configured (their clients are closed by the reload, their users being gone).
     */
    public void configure(AccountsSettings settings, AccountGraph graph) {
        configure(settings, graph, null);
    }

    /**
     * As {@link #configure(AccountsSettings, AccountGraph)}, with the name of the system account, which the settings
     * hold (null for none). A reload may not change it, so the account stays the same object.
     */
    public void configure(AccountsSettings settings, AccountGraph graph, String systemAccount) {
        Set<String> configuredNames = new HashSet<>();
        configuredNames.add(Account.GLOBAL);
        for (AccountSettings configured : settings.accounts()) {
            configuredNames.add(configured.name());
            Account account = accounts.computeIfAbsent(configured.name(),
                    name -> new Account(name, newSublist(), configured.limits()));
            account.applyLimits(configured.limits());
            account.applyMappings(MappingsOfSettings.of(configured.mappings()));
        }
        global.applyMappings(MappingsOfSettings.of(settings.mappings()));
        accounts.keySet().retainAll(configuredNames);
        system = systemAccount == null ? null : accounts.get(systemAccount);
        for (Account account : accounts.values()) {
            account.applyImportRoutes(routesOf(account.name(), graph, importsOf(settings, account.name())));
        }
    }

    /** What the account's traffic feeds (its exports' importers) and where its requests go (its service imports). */
    private ImportRoutes routesOf(String name, AccountGraph graph, List<ImportSettings> imports) {
        List<StreamRoute> streams = new ArrayList<>();
        for (ResolvedStreamImport imported : graph.streamImportsFrom(name)) {
            Account importer = accounts.get(imported.importer());
            if (importer != null) {
                streams.add(new StreamRoute(imported, importer));
            }
        }
        List<ServiceRoute> services = new ArrayList<>();
        ImportSubscriptions subscriptions = accounts.get(name).importSubscriptions();
        Set<String> localFilters = new HashSet<>();
        for (ResolvedServiceImport imported : graph.serviceImportsOf(name)) {
            Account exporter = accounts.get(imported.exporter());
            if (exporter != null) {
                localFilters.add(imported.localFilter());
                services.add(new ServiceRoute(imported, exporter, shares(imported, imports),
                        subscriptions.service(imported.localFilter())));
            }
        }
        subscriptions.retainServices(localFilters);
        return ImportRoutes.of(streams, services, cacheSweeper);
    }

    private static List<ImportSettings> importsOf(AccountsSettings settings, String name) {
        for (AccountSettings account : settings.accounts()) {
            if (account.name().equals(name)) {
                return account.imports();
            }
        }
        return List.of();
    }

    /** Whether the configured import behind a resolved one asked to share the requester's details. */
    private static boolean shares(ResolvedServiceImport resolved, List<ImportSettings> imports) {
        for (ImportSettings imported : imports) {
            String local = imported.to() != null ? imported.to() : imported.subject();
            if (imported.kind() == ExportKind.SERVICE && imported.account().equals(resolved.exporter())
                    && local.equals(resolved.localFilter())) {
                return imported.share();
            }
        }
        return false;
    }

    private Sublist<ClientSubscription> newSublist() {
        return new Sublist<>(cacheResults, cacheSweeper);
    }
}
