package io.natrium.application.service;

import io.natrium.application.account.WaitingResponse;
import io.natrium.application.port.in.monitoring.AccountExport;
import io.natrium.application.port.in.monitoring.AccountImport;
import io.natrium.application.port.in.monitoring.MappedDestination;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.LatencySettings;
import io.natrium.domain.account.ServiceLatency;
import io.natrium.domain.transform.SubjectMapping;
import io.natrium.domain.transform.SubjectMappings;
import io.natrium.domain.transform.SubjectTransform;
import io.natrium.domain.transform.WeightedDestination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mappings, exports and imports of an account as nats-server's /accountz describes them ({@code accountInfo} in
 * {@code server/monitor.go}), built from the settings: nats-server shows what it made of its configuration, so the
 * derived values (the remainder destination of a mapping, cumulative weights, an import's local subject) are
 * derived here the same way.
 */
final class AccountDescriptions {

    private AccountDescriptions() {
    }

    /**
     * Each mapping's destinations as nats-server keeps them after {@code AddWeightedMappings}: per cluster (none
     * first), the original subject added for the share left below 100 % (unless listed itself), sorted by weight
     * (stably, as Go's insertion sort of short lists is) and the weights made cumulative.
     */
    static Map<String, List<MappedDestination>> mappings(SubjectMappings mappings) {
        Map<String, List<MappedDestination>> bySource = new TreeMap<>();
        for (SubjectMapping mapping : mappings.mappings()) {
            Map<String, List<WeightedDestination>> byCluster = new TreeMap<>();
            byCluster.put("", new ArrayList<>());
            boolean sourceListed = false;
            for (WeightedDestination destination : mapping.destinations()) {
                byCluster.computeIfAbsent(destination.cluster(), cluster -> new ArrayList<>()).add(destination);
                sourceListed |= destination.subject().equals(mapping.source());
            }
            List<MappedDestination> shown = new ArrayList<>();
            for (List<WeightedDestination> destinations : byCluster.values()) {
                shown.addAll(cumulative(mapping.source(), destinations, sourceListed));
            }
            bySource.put(mapping.source(), shown);
        }
        return bySource;
    }

    private static List<MappedDestination> cumulative(String source, List<WeightedDestination> destinations,
            boolean sourceListed) {
        List<WeightedDestination> all = new ArrayList<>(destinations);
        int total = all.stream().mapToInt(WeightedDestination::weight).sum();
        if (total != SubjectMapping.TOTAL_WEIGHT && !sourceListed) {
            String cluster = all.isEmpty() ? "" : all.get(0).cluster();
            all.add(new WeightedDestination(SubjectTransform.referencingWildcards(source),
                    SubjectMapping.TOTAL_WEIGHT - total, cluster));
        }
        all.sort(Comparator.comparingInt(WeightedDestination::weight));
        List<MappedDestination> shown = new ArrayList<>(all.size());
        int upTo = 0;
        for (WeightedDestination destination : all) {
            upTo += destination.weight();
            shown.add(new MappedDestination(destination.subject(), upTo, destination.cluster()));
        }
        return shown;
    }

    /** The account's exports: services, then streams, each in the order configured. */
    static List<AccountExport> exports(AccountSettings account) {
        List<AccountExport> exports = new ArrayList<>();
        for (ExportKind kind : new ExportKind[] {ExportKind.SERVICE, ExportKind.STREAM}) {
            for (ExportSettings export : account.exports()) {
                if (export.kind() == kind) {
                    exports.add(new AccountExport(kind, export.subject(),
                            kind == ExportKind.SERVICE ? export.responseType() : null, export.accounts(),
                            kind == ExportKind.SERVICE ? export.latency() : null));
                }
            }
        }
        return exports;
    }

    /** The account's imports: streams, then services, each in the order configured. */
    static List<AccountImport> imports(AccountSettings account, AccountsSettings all) {
        List<AccountImport> imports = new ArrayList<>();
        for (ExportKind kind : new ExportKind[] {ExportKind.STREAM, ExportKind.SERVICE}) {
            for (ImportSettings imported : account.imports()) {
                if (imported.kind() == kind) {
                    ExportSettings export = all.exportFor(imported, account.name());
                    imports.add(kind == ExportKind.STREAM ? stream(imported, export) : service(imported, export));
                }
            }
        }
        return imports;
    }

    /** A stream arrives on its subject, on the prefix and its subject, or on the subject it was renamed to. */
    private static AccountImport stream(ImportSettings imported, ExportSettings export) {
        String local = imported.subject();
        if (imported.to() != null && !imported.to().isEmpty()) {
            local = imported.to();
        } else if (imported.prefix() != null && !imported.prefix().isEmpty()) {
            local = imported.prefix().endsWith(".") ? imported.prefix() + local : imported.prefix() + "." + local;
        }
        return new AccountImport(ExportKind.STREAM, imported.subject(), imported.account(), null, local,
                export == null, false, false, null);
    }

    /**
     * The requests an account has not answered yet, each as nats-server's response service import: from the reply
     * subject in the exporter to the requester's, in the requesting account.
     */
    static Map<String, AccountImport> responses(Map<String, WaitingResponse> waiting) {
        Map<String, AccountImport> responses = new LinkedHashMap<>();
        waiting.forEach((mapped, response) -> {
            ServiceLatency latency = response.latency();
            responses.put(mapped, new AccountImport(ExportKind.SERVICE, mapped, response.importer(), response.reply(),
                    null, false, response.share(), response.tracked(), latency == null ? null
                            : new LatencySettings(latency.samplingPercent(), latency.headers(), latency.subject()),
                    response.header()));
        });
        return responses;
    }

    /** A service is requested on its local subject ({@code to}, else the exported one) and answered there. */
    private static AccountImport service(ImportSettings imported, ExportSettings export) {
        String local = imported.to() == null || imported.to().isEmpty() ? imported.subject() : imported.to();
        return new AccountImport(ExportKind.SERVICE, local, imported.account(), imported.subject(), null,
                export == null, imported.share(), false, export == null ? null : export.latency());
    }
}
