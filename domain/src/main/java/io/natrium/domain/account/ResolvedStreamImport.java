package io.natrium.domain.account;

import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.transform.SubjectTransform;

import java.util.Objects;

/**
 * A checked stream import: messages published in {@code exporter} on subjects {@code exporterFilter} matches are
 * delivered in {@code importer} on the subject {@code toImporter} makes of them.
 *
 * @param importer       the importing account
 * @param exporter       the exporting account
 * @param exporterFilter the imported subject filter, in the exporter's subject space
 * @param toImporter     maps an exporter subject to the importer's: the identity, {@code prefix.subject}, or the
 *                       {@code to} rename (whose {@code *} tokens became {@code $n} references, in order)
 */
public record ResolvedStreamImport(String importer, String exporter, String exporterFilter,
        SubjectTransform toImporter) {

    public ResolvedStreamImport {
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(exporterFilter, "exporterFilter");
        Objects.requireNonNull(toImporter, "toImporter");
    }

    /**
     * The importer's subject for a subject published in the exporter, which {@link #exporterFilter} must match (check
     * with {@link #matches}); allocates.
     */
    public String localSubject(String exporterSubject) {
        return toImporter.transform(exporterSubject);
    }

    /** True when a message published in the exporter on {@code exporterSubject} is imported. */
    public boolean matches(String exporterSubject) {
        return toImporter.matches(exporterSubject);
    }

    /**
     * The filter every imported subject falls under in the importer (nats-server's {@code si.to}): the destination
     * with its wildcard references turned back into {@code *}.
     */
    public String localFilter() {
        return SubjectTransform.filterOf(toImporter.destination());
    }

    /**
     * The subject, in the exporter, of the shadow nats-server makes of an importer's subscription on {@code subscribed}
     * ({@code addShadowSubscriptions}): the imported filter when the subscription is on the import's local filter or
     * wider, the subscription's own subject taken back into the exporter when narrower (unchanged when the import
     * keeps the exporter's subjects); null when they do not meet, or only overlap, which Natrium does not shadow.
     */
    public String shadowSubject(String subscribed) {
        String local = localFilter();
        if (subscribed.equals(local)) {
            return exporterFilter;
        }
        if (SubjectFilter.isSubset(subscribed, local)) {
            if (Subject.isLiteral(exporterFilter)) {
                return exporterFilter;
            }
            if (local.equals(exporterFilter)) {
                return subscribed;
            }
            try {
                return toImporter.reverse().transform(subscribed);
            } catch (IllegalArgumentException e) {
                // No reverse (InvalidMappingException), or a subscription the reverse cannot take: no shadow.
                return null;
            }
        }
        if (!Subject.isLiteral(subscribed) && SubjectFilter.isSubset(local, subscribed)) {
            return exporterFilter;
        }
        return null;
    }
}
