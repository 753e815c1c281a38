package io.natrium.domain.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts' exports and imports, checked together and resolved: for each account, what it imports from whom
 * and how subjects are rewritten on the way. Immutable and thread-safe; build a new one on reload.
 *
 * <p>Lookups by account name return empty results for an unknown account. Lists keep the order of definition.
 */
public final class AccountGraph {

    private final Set<String> accounts;
    private final Map<String, ExportTable> exports;
    private final Map<String, List<ResolvedStreamImport>> streamImportsByImporter;
    private final Map<String, List<ResolvedServiceImport>> serviceImportsByImporter;
    private final Map<String, List<ResolvedStreamImport>> streamImportsByExporter;
    private final Map<String, List<ResolvedServiceImport>> serviceImportsByExporter;

    AccountGraph(Collection<String> accounts, Map<String, ExportTable> exports,
            Map<String, List<ResolvedStreamImport>> streamImports,
            Map<String, List<ResolvedServiceImport>> serviceImports) {
        this.accounts = Collections.unmodifiableSet(new LinkedHashSet<>(accounts));
        this.exports = Map.copyOf(exports);
        this.streamImportsByImporter = frozen(streamImports);
        this.serviceImportsByImporter = frozen(serviceImports);
        Map<String, List<ResolvedStreamImport>> streamsFrom = new LinkedHashMap<>();
        streamImports.values().forEach(list -> list.forEach(imported ->
                streamsFrom.computeIfAbsent(imported.exporter(), name -> new ArrayList<>()).add(imported)));
        Map<String, List<ResolvedServiceImport>> servicesFrom = new LinkedHashMap<>();
        serviceImports.values().forEach(list -> list.forEach(imported ->
                servicesFrom.computeIfAbsent(imported.exporter(), name -> new ArrayList<>()).add(imported)));
        this.streamImportsByExporter = frozen(streamsFrom);
        this.serviceImportsByExporter = frozen(servicesFrom);
    }

    /**
     * Checks the accounts' exports and imports together, as nats-server does when it loads them.
     *
     * @throws AccountGraphException with every problem found, in nats-server's words
     */
    public static AccountGraph build(Collection<AccountDefinition> accounts) {
        return new GraphBuilder(accounts).build();
    }

    /** An empty graph: accounts that neither export nor import. */
    public static AccountGraph empty() {
        return build(List.of());
    }

    /** The names of the accounts in the graph, in order of definition. */
    public Set<String> accounts() {
        return accounts;
    }

    /** The streams {@code importer} imports, each from one exporter. */
    public List<ResolvedStreamImport> streamImportsOf(String importer) {
        return streamImportsByImporter.getOrDefault(importer, List.of());
    }

    /** The services {@code importer} imports. */
    public List<ResolvedServiceImport> serviceImportsOf(String importer) {
        return serviceImportsByImporter.getOrDefault(importer, List.of());
    }

    /** The stream imports of every account from {@code exporter}: where its published messages also go. */
    public List<ResolvedStreamImport> streamImportsFrom(String exporter) {
        return streamImportsByExporter.getOrDefault(exporter, List.of());
    }

    /** The service imports of every account from {@code exporter}. */
    public List<ResolvedServiceImport> serviceImportsFrom(String exporter) {
        return serviceImportsByExporter.getOrDefault(exporter, List.of());
    }

    /** The stream exports of an account, one per subject (a subject exported twice is merged). */
    public List<StreamExport> streamExportsOf(String exporter) {
        ExportTable table = exports.get(exporter);
        return table == null ? List.of() : table.streams();
    }

    /** The service exports of an account, one per subject, with their latency tracking when it was accepted. */
    public List<ServiceExport> serviceExportsOf(String exporter) {
        ExportTable table = exports.get(exporter);
        return table == null ? List.of() : table.services();
    }

    /**
     * nats-server's {@code getServiceExport}: the service export of {@code exporter} for a subject (or filter) —
     * the export of exactly that subject, else the first one, in order of definition, whose filter contains it.
     */
    public Optional<ServiceExport> serviceExportFor(String exporter, String subject) {
        ExportTable table = exports.get(exporter);
        return table == null ? Optional.empty() : Optional.ofNullable(table.service(subject));
    }

    private static <T> Map<String, List<T>> frozen(Map<String, List<T>> lists) {
        Map<String, List<T>> frozen = new LinkedHashMap<>();
        lists.forEach((name, list) -> {
            if (!list.isEmpty()) {
                frozen.put(name, List.copyOf(list));
            }
        });
        return Map.copyOf(frozen);
    }
}
