package io.natrium.domain.account;

import io.natrium.domain.subject.SubjectFilter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account's exports, one entry per subject as nats-server keeps them (a subject exported twice is merged), in
 * the order first exported. nats-server searches its map in random order when no export has the exact subject; here
 * the order of definition decides, so the answer is stable.
 */
final class ExportTable {

    private final Map<String, StreamExport> streams = new LinkedHashMap<>();
    private final Map<String, ServiceExport> services = new LinkedHashMap<>();

    void add(StreamExport export) {
        streams.merge(export.subject(), export,
                (earlier, later) -> new StreamExport(earlier.subject(),
                        earlier.authorization().mergedWith(later.authorization())));
    }

    /** Adds the export and returns the entry for its subject, merged with an earlier one. */
    ServiceExport add(ServiceExport export) {
        return services.merge(export.subject(), export, ServiceExport::mergedWith);
    }

    void replace(ServiceExport export) {
        services.put(export.subject(), export);
    }

    List<StreamExport> streams() {
        return List.copyOf(streams.values());
    }

    List<ServiceExport> services() {
        return List.copyOf(services.values());
    }

    /**
     * nats-server's {@code checkStreamImportAuthorized}: the subject must be valid and within an export that
     * authorizes the importer. An export of exactly that subject decides alone; otherwise any wider export may.
     */
    boolean authorizesStream(String importer, String subject) {
        if (!SubjectFilter.isValid(subject)) {
            return false;
        }
        StreamExport exact = streams.get(subject);
        if (exact != null) {
            return exact.authorization().authorizes(importer, subject);
        }
        for (StreamExport export : streams.values()) {
            if (SubjectFilter.isSubset(subject, export.subject())
                    && export.authorization().authorizes(importer, subject)) {
                return true;
            }
        }
        return false;
    }

    /**
     * nats-server's {@code checkServiceImportAuthorized} and {@code getServiceExport} together: the export that
     * authorizes {@code importer} to send requests on {@code subject}, or null.
     */
    ServiceExport authorizedService(String importer, String subject) {
        ServiceExport exact = services.get(subject);
        if (exact != null) {
            return exact.authorization().authorizes(importer, subject) ? exact : null;
        }
        for (ServiceExport export : services.values()) {
            if (SubjectFilter.isSubset(subject, export.subject())
                    && export.authorization().authorizes(importer, subject)) {
                return export;
            }
        }
        return null;
    }

    /** nats-server's {@code getServiceExport}: the export of exactly this subject, else the first wider one. */
    ServiceExport service(String subject) {
        ServiceExport exact = services.get(subject);
        if (exact != null) {
            return exact;
        }
        for (ServiceExport export : services.values()) {
            if (SubjectFilter.isSubset(subject, export.subject())) {
                return export;
            }
        }
        return null;
    }

    /** nats-server's {@code hasStreamExportMatching}: some stream export covers the subject. */
    boolean hasStreamCovering(String subject) {
        for (String exported : streams.keySet()) {
            if (SubjectFilter.isSubset(subject, exported)) {
                return true;
            }
        }
        return false;
    }

    /** nats-server's {@code IsExportService}: some service export covers the subject. */
    boolean hasServiceCovering(String subject) {
        return service(subject) != null;
    }
}
