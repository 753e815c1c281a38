package io.natrium.application.port.in.monitoring;

import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.LatencySettings;
import io.natrium.application.settings.ResponseType;

import java.util.List;

/**
 * A stream or service an account exports, as /accountz shows it (nats-server's {@code ExtExport}).
 *
 * @param responseType     for a service, how many responses it sends; null for a stream
 * @param approvedAccounts the accounts allowed to import it; empty for every account
 * @param latency          for a service, its latency tracking; null for none
 */
public record AccountExport(
        ExportKind kind,
        String subject,
        ResponseType responseType,
        List<String> approvedAccounts,
        LatencySettings latency) {

    public AccountExport {
        approvedAccounts = List.copyOf(approvedAccounts);
    }
}
