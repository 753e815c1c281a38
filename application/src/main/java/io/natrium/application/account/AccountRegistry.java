package io.natrium.application.account;

import io.natrium.application.account.ImportRoutes.ServiceRoute;
import io.natrium.application.account.ImportRoutes.StreamRoute;
import io.natrium.application.security.MappingsOfSettings;
import io.natrium.application.security.SystemAccountSettings;
import io.natrium.application.settings.AccountLimitSettings;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

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
    private final LongSupplier clientIds;
    private long systemClientId;

    public AccountRegistry(boolean cacheResults, Executor cacheSweeper) {
        this(cacheResults, cacheSweeper, () -> ImportSubscriptions.UNNUMBERED);
    }

    /** With {@code clientIds}, the clients' numbering, which the internal clients take their ids from. */
    public AccountRegistry(boolean cacheResults, Executor cacheSweeper, LongSupplier clientIds) {
        this.cacheResults = cacheResults;
        this.cacheSweeper = cacheSweeper;
        this.clientIds = clientIds;
        this.global = newAccount(Account.GLOBAL, AccountLimitSettings.unlimited());
        accounts.put(Account.GLOBAL, global);
    }

    /**
     * The id of the system account's client, taken from the clients' numbering when the system account was first
     * configured; 0 without a system account.
     */
    public long systemClientId() {
        return systemClientId;
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
        List<Account> inOrder = new ArrayList<>();
        inOrder.add(global);
        for (AccountSettings configured : settings.accounts()) {
            Account account = accounts.computeIfAbsent(configured.name(),
                    name -> newAccount(name, configured.limits()));
            if (!inOrder.contains(account)) {
                inOrder.add(account);
            }
            account.applyLimits(configured.limits());
            account.applyMappings(MappingsOfSettings.of(configured.mappings()));
        }
        global.applyMappings(MappingsOfSettings.of(settings.mappings()));
        accounts.values().retainAll(inOrder);
        system = systemAccount == null ? null : accounts.get(systemAccount);
        routeInNatsServersOrder(inOrder, settings, graph);
    }

    /**
     * Makes the accounts' import routes, and with them the internal clients, in the order nats-server numbers those
     * clients at its start: the accounts whose configuration imports a service (their internal clients made while
     * it configures accounts), the system client, the other accounts as they get the system imports, then the
     * system account's second client (its send queue's). nats-server goes through its accounts in the varying order
     * of a map; Natrium in the order of the file, {@code $G} first.
     */
    private void routeInNatsServersOrder(List<Account> inOrder, AccountsSettings settings, AccountGraph graph) {
        List<Account> later = new ArrayList<>();
        Map<Account, List<StreamImportSource>> streamImports = new HashMap<>();
        for (Account account : inOrder) {
            List<ImportSettings> imports = importsOf(settings, account.name());
            if (importsAService(imports, system) || account.importSubscriptions().hasInternalClient()) {
                account.applyImportRoutes(routesOf(account.name(), graph, imports, streamImports));
            } else {
                later.add(account);
            }
        }
        boolean systemClientNew = system != null && systemClientId == 0;
        if (systemClientNew) {
            systemClientId = clientIds.getAsLong();
        }
        for (Account account : later) {
            account.applyImportRoutes(routesOf(account.name(), graph, importsOf(settings, account.name()),
                    streamImports));
        }
        if (systemClientNew) {
            clientIds.getAsLong();
        }
        for (Account account : inOrder) {
            account.applyStreamImports(streamImports.getOrDefault(account, List.of()));
        }
    }

    /** Whether the configuration itself imports a service into the account (the system imports not counted). */
    private static boolean importsAService(List<ImportSettings> imports, Account system) {
        for (ImportSettings imported : imports) {
            if (imported.kind() == ExportKind.SERVICE
                    && (system == null || !SystemAccountSettings.isAdded(imported, system.name()))) {
                return true;
            }
        }
        return false;
    }

    private Account newAccount(String name, AccountLimitSettings limits) {
        Account account = new Account(name, newSublist(), limits);
        account.importSubscriptions().numberedBy(clientIds);
        return account;
    }

    /** What the account's traffic feeds (its exports' importers) and where its requests go (its service imports). */
    private ImportRoutes routesOf(String name, AccountGraph graph, List<ImportSettings> imports,
            Map<Account, List<StreamImportSource>> streamImports) {
        List<StreamRoute> streams = new ArrayList<>();
        for (ResolvedStreamImport imported : graph.streamImportsFrom(name)) {
            Account importer = accounts.get(imported.importer());
            if (importer != null) {
                StreamImportSource source = new StreamImportSource(imported, accounts.get(name));
                streamImports.computeIfAbsent(importer, key -> new ArrayList<>()).add(source);
                streams.add(new StreamRoute(imported, importer, source));
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
