package io.natrium.application.settings;

/**
 * One destination of a subject mapping.
 *
 * @param subject the destination subject (may use mapping functions)
 * @param weight  the percentage of messages sent there, 0 to 100
 * @param cluster the cluster this destination applies to; null for any
 */
public record MappingDestination(String subject, int weight, String cluster) {

    public static final int FULL_WEIGHT = 100;
}
