package io.natrium.application.port.out;

/** Messages and their bytes, one way ({@code DataStats}). */
public record DataStats(long messages, long bytes) {
}
