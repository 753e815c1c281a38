package io.natrium.application.port.in.monitoring;

import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.LatencySettings;

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
        LatencySettings latency) {
}
