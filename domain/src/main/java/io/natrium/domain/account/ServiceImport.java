package io.natrium.domain.account;

import java.util.Objects;

/**
 * A service an account imports. Clients of the importer publish requests on {@code to} (or on {@code subject} when
 * there is no {@code to}); they reach the exporting account on {@code subject}. This is nats-server's
 * {@code AddServiceImport(exporter, from = to, to = subject)}.
 *
 * @param account the exporting account
 * @param subject the exporter's subject
 * @param to      the importer's local subject; null for {@code subject}
 * @param share   true to share the requester's connection details with the exporter (latency tracking)
 */
public record ServiceImport(String account, String subject, String to, boolean share) {

    public ServiceImport {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(subject, "subject");
    }

    /** The subject importer clients publish to, before wildcard references are turned into wildcards. */
    public String localSubject() {
        return to == null || to.isEmpty() ? subject : to;
    }
}
