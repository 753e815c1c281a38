package io.natrium.application.settings;

/**
 * Service latency tracking of an export ({@code latency}).
 *
 * @param sampling the percentage of requests sampled, 1 to 100 (0 when {@code headers} is set)
 * @param headers  true to sample the requests that carry tracing headers
 * @param subject  where latency results are published
 */
public record LatencySettings(int sampling, boolean headers, String subject) {

    public static final int DEFAULT_SAMPLING = 100;
}
