package io.natrium.domain.account;

import java.util.Objects;

/**
 * A stream an account exports: importers receive the messages published in the exporting account on subjects the
 * filter matches.
 *
 * @param subject       the exported subject filter
 * @param authorization who may import it
 */
public record StreamExport(String subject, ExportAuthorization authorization) {

    public StreamExport {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authorization, "authorization");
    }

    /** A stream every account may import. */
    public static StreamExport open(String subject) {
        return new StreamExport(subject, ExportAuthorization.PUBLIC);
    }
}
