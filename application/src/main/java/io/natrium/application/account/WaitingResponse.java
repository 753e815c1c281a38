package io.natrium.application.account;

import io.natrium.domain.account.ServiceLatency;

import java.util.List;
import java.util.Map;

/**
 * A request an exporting account serves for an importer and has not answered yet, as nats-server lists its response
 * service imports ({@code exports.responses}) in /accountz.
 *
 * @param importer the requesting account
 * @param reply    the reply subject the requester chose, where the response goes
 * @param share    the import shares the requester's details
 * @param tracked  the request's latency is measured
 * @param latency  the export's latency tracking when the request is measured; null otherwise
 * @param header   the request's tracing headers that had it measured, by canonical key; empty when none did
 */
public record WaitingResponse(String importer, String reply, boolean share, boolean tracked, ServiceLatency latency,
        Map<String, List<String>> header) {

    public WaitingResponse {
        header = header == null ? Map.of() : Map.copyOf(header);
    }
}
