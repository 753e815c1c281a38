package io.natrium.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One measured request of a service export with latency tracking, as nats-server reports it
 * ({@code io.nats.server.metric.v1.service_latency}, its {@code ServiceLatency} struct).
 *
 * @param id           the report's id
 * @param timestamp    when the report was made
 * @param status       200, or 400, 503, 504 for a request without a response
 * @param description  the status text; null with 200
 * @param requestor    who sent the request
 * @param responder    who answered it; null without a response
 * @param header       the tracing headers that decided the measurement, by canonical key; null or empty for none
 * @param start        when the request started, one requester round trip before it arrived
 * @param serviceNanos the service's time
 * @param systemNanos  the time the request took inside the server
 * @param totalNanos   the whole time the requester waited
 */
public record ServiceLatencyReport(
        String id,
        Instant timestamp,
        int status,
        String description,
        ClientInfo requestor,
        ClientInfo responder,
        Map<String, List<String>> header,
        Instant start,
        long serviceNanos,
        long systemNanos,
        long totalNanos) {
}
