package io.natrium.domain.account;

import java.util.Objects;

/**
 * A stream an account imports. {@code subject} is a subject (or filter) of the exporting account, as narrow as the
 * importer likes within an export. Messages arrive in the importer on the same subject, or on {@code prefix.subject},
 * or renamed by {@code to} (whose {@code *} or {@code $n} tokens take the subject's wildcard tokens).
 *
 * @param account the exporting account
 * @param subject the exporter's subject
 * @param prefix  a literal prefix for the importer's subjects; null for none
 * @param to      the importer's subject; null for the exporter's. nats-server refuses both a prefix and a {@code to}
 */
public record StreamImport(String account, String subject, String prefix, String to) {

    public StreamImport {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(subject, "subject");
    }
}
