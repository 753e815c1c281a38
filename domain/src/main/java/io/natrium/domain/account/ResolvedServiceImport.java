package io.natrium.domain.account;

import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.transform.SubjectTransform;

import java.util.Objects;

/**
 * A checked service import: requests that clients of {@code importer} publish on subjects {@code localFilter}
 * matches are delivered in {@code exporter} on the subject {@link #exporterSubject} gives, and served by
 * {@code export}.
 *
 * @param importer               the importing account
 * @param exporter               the exporting account
 * @param localFilter            what importer clients publish to (nats-server's {@code si.from})
 * @param exporterSubjectPattern the subject or filter requests arrive on in the exporter (nats-server's
 *                               {@code si.to})
 * @param export                 the export that authorized the import and says how it responds
 * @param toExporter             maps a local subject to the exporter's; null when {@code exporterSubjectPattern}
 *                               is literal, since every request then goes to that one subject
 */
public record ResolvedServiceImport(String importer, String exporter, String localFilter,
        String exporterSubjectPattern, ServiceExport export, SubjectTransform toExporter) {

    public ResolvedServiceImport {
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(localFilter, "localFilter");
        Objects.requireNonNull(exporterSubjectPattern, "exporterSubjectPattern");
        Objects.requireNonNull(export, "export");
        if (toExporter == null && SubjectFilter.hasWildcard(exporterSubjectPattern)) {
            throw new IllegalArgumentException("a wildcard exporter subject needs a transform: "
                    + exporterSubjectPattern);
        }
    }

    /** True when a request published in the importer on {@code localSubject} goes through this import. */
    public boolean matches(String localSubject) {
        return SubjectFilter.matches(localFilter, localSubject);
    }

    /** The exporter's subject for a request the importer publishes on {@code localSubject}; allocates. */
    public String exporterSubject(String localSubject) {
        return toExporter == null ? exporterSubjectPattern : toExporter.transform(localSubject);
    }
}
