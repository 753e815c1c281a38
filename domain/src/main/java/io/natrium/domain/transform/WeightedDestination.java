package io.natrium.domain.transform;

import java.util.Objects;

/**
 * One destination of a weighted mapping as configured: {@code {destination: "bar", weight: 40%, cluster: "east"}}.
 * The weight is a percentage of the messages; the cluster, empty when not given, limits the destination to servers of
 * that cluster. Checked when the mapping is built, not here, so that the errors come in nats-server's order.
 */
public record WeightedDestination(String subject, int weight, String cluster) {

    public WeightedDestination {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(cluster, "cluster");
    }

    /** A destination for every server. */
    public static WeightedDestination of(String subject, int weight) {
        return new WeightedDestination(subject, weight, "");
    }
}
