package io.natrium.application.port.in.monitoring;

/**
 * One destination of a subject mapping as nats-server's /accountz shows it ({@code MapDest}): its weight is the
 * cumulative upper bound of its share after the destinations were sorted by weight, so the last one is 100.
 *
 * @param cluster the cluster the destination is for, empty for any
 */
public record MappedDestination(String subject, int weight, String cluster) {
}
