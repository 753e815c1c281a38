package io.natrium.domain.account;

import java.util.Objects;

/**
 * Latency tracking of a service export (nats-server's {@code serviceLatency}).
 *
 * @param samplingPercent the percentage of requests measured, 1 to 100; 0 when {@code headers} is set
 * @param headers         true to measure exactly the requests that carry tracing headers
 * @param subject         where the exporting account publishes the measurements
 */
public record ServiceLatency(int samplingPercent, boolean headers, String subject) {

    /** nats-server's {@code DEFAULT_SERVICE_LATENCY_SAMPLING}. */
    public static final int DEFAULT_SAMPLING = 100;

    public ServiceLatency {
        // Not range-checked here: AccountGraph reports a bad percentage with nats-server's text, among the others.
        Objects.requireNonNull(subject, "subject");
    }

    /** True for a percentage nats-server accepts: 1 to 100, or 0 when triggered by headers. */
    public boolean hasValidSampling() {
        return headers ? samplingPercent == 0 : samplingPercent >= 1 && samplingPercent <= 100;
    }
}
