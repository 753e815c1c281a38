package io.natrium.domain.account;

import io.natrium.domain.subject.SubjectFilter;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * nats-server's import cycle search ({@code checkServiceImportsForCycles}, {@code checkStreamImportsForCycles}),
 * run before each import is added, over the imports added so far.
 *
 * <p>The search is nats-server's, quirks included, so that the same configurations load: it walks from the exporter
 * through every import whose exporter-side subject collides with the subject followed, and reports a cycle on
 * reaching an account already visited. For services it compares the importer's local subject with the exporter-side
 * subjects of the next account's imports, which over-approximates (A importing {@code x} from B as {@code y}, then B
 * importing {@code z} from A on local {@code y}, is refused though requests never loop); it never misses a loop
 * between two accounts. Stream imports are only followed where the account exports the subject.
 */
final class ImportCycles {

    /** nats-server's {@code MaxAccountCycleSearchDepth}. */
    static final int MAX_SEARCH_DEPTH = 1024;

    static final String CYCLE = "import forms a cycle";
    static final String DEPTH_EXHAUSTED = "search cycle depth exhausted";

    private final Map<String, List<ResolvedStreamImport>> streamImports;
    private final Map<String, List<ResolvedServiceImport>> serviceImports;
    private final Map<String, ExportTable> exports;

    ImportCycles(Map<String, List<ResolvedStreamImport>> streamImports,
            Map<String, List<ResolvedServiceImport>> serviceImports, Map<String, ExportTable> exports) {
        this.streamImports = streamImports;
        this.serviceImports = serviceImports;
        this.exports = exports;
    }

    /**
     * The error of adding a service import of {@code importer} from {@code exporter} whose local subject is
     * {@code from} (with wildcard references already turned into {@code *}), or null when it forms no cycle.
     */
    String serviceImport(String importer, String exporter, String from) {
        Set<String> visited = new HashSet<>();
        visited.add(importer);
        return followServices(exporter, from, visited);
    }

    private String followServices(String account, String from, Set<String> visited) {
        if (visited.size() >= MAX_SEARCH_DEPTH) {
            return DEPTH_EXHAUSTED;
        }
        for (ResolvedServiceImport imported : serviceImports.getOrDefault(account, List.of())) {
            if (!SubjectFilter.collide(from, imported.exporterSubjectPattern())) {
                continue;
            }
            if (visited.contains(imported.exporter())) {
                return CYCLE;
            }
            visited.add(account);
            // Narrow the subject followed to the import's local one when that is within it.
            String next = SubjectFilter.isSubset(imported.localFilter(), from) ? imported.localFilter() : from;
            String error = followServices(imported.exporter(), next, visited);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /**
     * The error of adding a stream import of {@code importer} from {@code exporter} that involves {@code subject}
     * (nats-server checks the local subject, then the imported one), or null when it forms no cycle.
     */
    String streamImport(String importer, String exporter, String subject) {
        Set<String> visited = new HashSet<>();
        visited.add(importer);
        return followStreams(exporter, subject, visited);
    }

    private String followStreams(String account, String to, Set<String> visited) {
        if (visited.size() >= MAX_SEARCH_DEPTH) {
            return DEPTH_EXHAUSTED;
        }
        ExportTable table = exports.get(account);
        if (table == null || !table.hasStreamCovering(to)) {
            return null;
        }
        for (ResolvedStreamImport imported : streamImports.getOrDefault(account, List.of())) {
            String local = imported.localFilter();
            if (!SubjectFilter.collide(to, local)) {
                continue;
            }
            if (visited.contains(imported.exporter())) {
                return CYCLE;
            }
            visited.add(account);
            String next = SubjectFilter.isSubset(local, to) ? local : to;
            String error = followStreams(imported.exporter(), next, visited);
            if (error != null) {
                return error;
            }
        }
        return null;
    }
}
