package io.natrium.application.port.in.monitoring;

import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.LatencySettings;

import java.util.List;
import java.util.Map;

/**
 * A stream or service an account imports, as /accountz shows it (nats-server's {@code ExtImport}).
 *
 * @param subject      for a stream, the subject exported; for a service, the subject the importer publishes to
 * @param account      the exporting account
 * @param to           for a service, the subject exported; null for a stream
 * @param localSubject for a stream, the subject the importer receives on; null for a service
 * @param invalid      true when the import cannot work (its export is missing)
 * @param share        for a service, true when the requester's connection details are shared with it
 * @param tracking     true while a response is tracked for latency
 * @param latency      for a service, the latency tracking of its export; null for none
 * @param trackingHeader for a tracked response, the request's tracing headers that had it measured (nats-server's
 *                     {@code trackingHdr}), by canonical key; empty when none did
 */
public record AccountImport(
        ExportKind kind,
        String subject,
        String account,
        String to,
        String localSubject,
        boolean invalid,
        boolean share,
        boolean tracking,
        LatencySettings latency,
        Map<String, List<String>> trackingHeader) {

    public AccountImport {
        trackingHeader = trackingHeader == null ? Map.of() : Map.copyOf(trackingHeader);
    }

    /** An import no tracing header measures: every configured one, and most responses. */
    public AccountImport(ExportKind kind, String subject, String account, String to, String localSubject,
            boolean invalid, boolean share, boolean tracking, LatencySettings latency) {
        this(kind, subject, account, to, localSubject, invalid, share, tracking, latency, Map.of());
    }
}
