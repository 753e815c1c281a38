package io.natrium.domain.account;

import static io.natrium.domain.text.GoStrings.quote;

import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.transform.InvalidMappingException;
import io.natrium.domain.transform.SubjectTransform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an {@link AccountGraph} the way nats-server's {@code parseAccounts} wires accounts together: all stream
 * exports, then all service exports, then all stream imports, then all service imports, each checked against what
 * has been added before it ({@code addStreamExportWithAccountPos}, {@code addServiceExportWithResponseAndAccountPos},
 * {@code TrackServiceExportWithSampling}, {@code addStreamImportWithClaim}, {@code addMappedStreamImportWithClaim},
 * {@code AddServiceImport}). An entry in error is left out and the search goes on, so every problem is reported.
 */
final class GraphBuilder {

    /** nats-server's {@code ErrInvalidSubject} of the sublist, which account code returns for bad subjects. */
    static final String INVALID_SUBJECT = "sublist: invalid subject";
    static final String STREAM_NOT_AUTHORIZED = "stream import not authorized";
    static final String SERVICE_NOT_AUTHORIZED = "service import not authorized";
    static final String BAD_PREFIX = "stream import prefix can not contain wildcard tokens";
    static final String STREAM_DUPLICATE = "stream import already exists";
    static final String BAD_SAMPLING = "bad sampling percentage, should be 1-100";
    static final String BAD_PUBLISH_SUBJECT = "invalid publish subject";
    static final String BAD_SERVICE_TYPE = "bad service response type";

    private final Map<String, AccountDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, ExportTable> exports = new LinkedHashMap<>();
    private final Map<String, List<ResolvedStreamImport>> streamImports = new LinkedHashMap<>();
    private final Map<String, List<ResolvedServiceImport>> serviceImports = new LinkedHashMap<>();
    private final ImportCycles cycles = new ImportCycles(streamImports, serviceImports, exports);
    private final List<String> errors = new ArrayList<>();

    GraphBuilder(Collection<AccountDefinition> accounts) {
        for (AccountDefinition account : accounts) {
            Objects.requireNonNull(account, "account");
            if (definitions.putIfAbsent(account.name(), account) != null) {
                errors.add("Duplicate Account Entry: " + account.name());
                continue;
            }
            exports.put(account.name(), new ExportTable());
            streamImports.put(account.name(), new ArrayList<>());
            serviceImports.put(account.name(), new ArrayList<>());
        }
    }

    AccountGraph build() {
        definitions.values().forEach(this::addStreamExports);
        definitions.values().forEach(this::addServiceExports);
        definitions.values().forEach(this::addStreamImports);
        definitions.values().forEach(this::addServiceImports);
        if (!errors.isEmpty()) {
            throw new AccountGraphException(errors);
        }
        return new AccountGraph(definitions.keySet(), exports, streamImports, serviceImports);
    }

    private void addStreamExports(AccountDefinition account) {
        for (StreamExport export : account.streamExports()) {
            ExportAuthorization authorization = definedAccounts(export.authorization(), "stream");
            if (!authorization.fitsSubject(export.subject())) {
                errors.add("Error adding stream export " + quote(export.subject()) + ": " + INVALID_SUBJECT);
                continue;
            }
            exports.get(account.name()).add(new StreamExport(export.subject(), authorization));
        }
    }

    private void addServiceExports(AccountDefinition account) {
        ExportTable table = exports.get(account.name());
        for (ServiceExport export : account.serviceExports()) {
            ExportAuthorization authorization = definedAccounts(export.authorization(), "service");
            if (!authorization.fitsSubject(export.subject())) {
                errors.add("Error adding service export " + quote(export.subject()) + ": " + INVALID_SUBJECT);
                continue;
            }
            ServiceLatency latency = export.latency();
            ServiceExport added = table.add(new ServiceExport(export.subject(), authorization, export.responseType(),
                    export.responseThreshold(), null, export.allowTrace()));
            if (latency == null) {
                continue;
            }
            String problem = latencyProblem(table, added, latency);
            if (problem != null) {
                errors.add("Error adding service latency sampling for " + quote(export.subject()) + " on subject "
                        + quote(latency.subject()) + ": " + problem);
                continue;
            }
            table.replace(new ServiceExport(added.subject(), added.authorization(), added.responseType(),
                    added.responseThreshold(), latency, added.allowTrace()));
        }
    }

    /** nats-server's {@code TrackServiceExportWithSampling} checks, in its order. */
    private static String latencyProblem(ExportTable table, ServiceExport export, ServiceLatency latency) {
        if (!latency.hasValidSampling()) {
            return BAD_SAMPLING;
        }
        // Results published on a subject the account serves would come back to it as requests.
        if (!Subject.isValidPublish(latency.subject()) || table.hasServiceCovering(latency.subject())) {
            return BAD_PUBLISH_SUBJECT;
        }
        return export.responseType() == ResponseType.SINGLETON ? null : BAD_SERVICE_TYPE;
    }

    /** The authorization without the accounts that are not defined, each reported as nats-server does. */
    private ExportAuthorization definedAccounts(ExportAuthorization authorization, String kind) {
        List<String> defined = new ArrayList<>();
        for (String name : authorization.accounts()) {
            if (definitions.containsKey(name)) {
                defined.add(name);
            } else {
                errors.add(quote(name) + " account not defined for " + kind + " export");
            }
        }
        return defined.size() == authorization.accounts().size() ? authorization
                : new ExportAuthorization(new LinkedHashSet<>(defined),
                        authorization.accountTokenPosition());
    }

    private void addStreamImports(AccountDefinition account) {
        for (StreamImport imported : account.streamImports()) {
            if (!definitions.containsKey(imported.account())) {
                errors.add(quote(imported.account()) + " account not defined for stream import");
                continue;
            }
            String problem = addStreamImport(account.name(), imported);
            if (problem != null) {
                errors.add("Error adding stream import " + quote(imported.subject()) + ": " + problem);
            }
        }
    }

    /** Adds the import, or returns why nats-server would not. */
    private String addStreamImport(String importer, StreamImport imported) {
        String exporter = imported.account();
        String from = imported.subject();
        if (!exports.get(exporter).authorizesStream(importer, from)) {
            return STREAM_NOT_AUTHORIZED;
        }
        String to = imported.to() == null || imported.to().isEmpty() ? from : imported.to();
        String prefix = imported.prefix();
        if (prefix != null && !prefix.isEmpty()) {
            // The prefix goes before every published subject, so it must be literal; its dot is optional.
            if (!Subject.isLiteral(prefix)) {
                return BAD_PREFIX;
            }
            to = (prefix.endsWith(".") ? prefix : prefix + ".") + from;
        }
        String cycle = cycles.streamImport(importer, exporter, to);
        if (cycle == null) {
            cycle = cycles.streamImport(importer, exporter, from);
        }
        if (cycle != null) {
            return cycle;
        }
        SubjectTransform toImporter;
        try {
            // nats-server builds a transform only for a wildcard subject and sends a literal one to 'to' unchecked;
            // building it always also refuses a literal import to an invalid or wildcard local subject.
            toImporter = SubjectTransform.strict(from, SubjectTransform.referencingWildcards(to));
        } catch (InvalidMappingException e) {
            return "failed to create mapping transform for stream import subject from " + quote(from) + " to "
                    + quote(to) + ": " + e.getMessage();
        }
        List<ResolvedStreamImport> existing = streamImports.get(importer);
        for (ResolvedStreamImport other : existing) {
            if (other.exporter().equals(exporter) && other.exporterFilter().equals(from)) {
                return STREAM_DUPLICATE;
            }
        }
        existing.add(new ResolvedStreamImport(importer, exporter, from, toImporter));
        return null;
    }

    private void addServiceImports(AccountDefinition account) {
        for (ServiceImport imported : account.serviceImports()) {
            if (!definitions.containsKey(imported.account())) {
                errors.add(quote(imported.account()) + " account not defined for service import");
                continue;
            }
            String problem = addServiceImport(account.name(), imported);
            if (problem != null) {
                errors.add("Error adding service import " + quote(imported.subject()) + ": " + problem);
            }
        }
    }

    /** Adds the import, or returns why nats-server would not. */
    private String addServiceImport(String importer, ServiceImport imported) {
        String exporter = imported.account();
        String from = imported.localSubject();
        String to = imported.subject();
        if (!SubjectFilter.isValid(from) || !SubjectFilter.isValid(to)) {
            return INVALID_SUBJECT;
        }
        ServiceExport export = exports.get(exporter).authorizedService(importer, to);
        if (export == null) {
            return SERVICE_NOT_AUTHORIZED;
        }
        boolean wildcard = SubjectFilter.hasWildcard(to);
        String cycle = cycles.serviceImport(importer, exporter, wildcard ? SubjectTransform.filterOf(from) : from);
        if (cycle != null) {
            return cycle;
        }
        List<ResolvedServiceImport> existing = serviceImports.get(importer);
        for (ResolvedServiceImport other : existing) {
            if (other.exporter().equals(exporter) && other.localFilter().equals(from)) {
                return "duplicate service import subject " + quote(from) + ", previously used in import for account "
                        + quote(exporter) + ", subject " + quote(other.exporterSubjectPattern());
            }
        }
        if (!wildcard) {
            existing.add(new ResolvedServiceImport(importer, exporter, from, to, export, null));
            return null;
        }
        String localFilter = from;
        String pattern = to;
        SubjectTransform toExporter;
        try {
            if (to.equals(from)) {
                toExporter = SubjectTransform.strict(from, SubjectTransform.referencingWildcards(from));
            } else {
                // As nats-server: build the exporter-to-local transform, which must use every wildcard, and
                // reverse it.
                pattern = SubjectTransform.filterOf(to);
                localFilter = SubjectTransform.filterOf(from);
                toExporter = SubjectTransform.strict(pattern, SubjectTransform.referencingWildcards(from)).reverse();
            }
        } catch (InvalidMappingException e) {
            return "failed to create mapping transform for service import subject from " + quote(from) + " to "
                    + quote(pattern) + ": " + e.getMessage();
        }
        existing.add(new ResolvedServiceImport(importer, exporter, localFilter, pattern, export, toExporter));
        return null;
    }
}
