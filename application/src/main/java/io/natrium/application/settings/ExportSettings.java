package io.natrium.application.settings;

import java.time.Duration;
import java.util.List;

/**
 * A stream or service an account exports ({@code exports} entry).
 *
 * @param kind                 stream or service
 * @param subject              the exported subject
 * @param accounts             the accounts allowed to import it; empty for every account (public)
 * @param responseType         for a service, how many responses it sends
 * @param responseThreshold    for a service, how long a response may take; zero for the default
 * @param latency              for a service, latency tracking; null for none
 * @param accountTokenPosition the subject token that must equal the importer's account; 0 for none
 * @param allowTrace           for a service, true to let message traces cross it
 */
public record ExportSettings(
        ExportKind kind,
        String subject,
        List<String> accounts,
        ResponseType responseType,
        Duration responseThreshold,
        LatencySettings latency,
        int accountTokenPosition,
        boolean allowTrace) {

    public ExportSettings {
        accounts = List.copyOf(accounts);
    }
}
