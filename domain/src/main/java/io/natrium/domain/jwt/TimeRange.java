package io.natrium.domain.jwt;

/** One of a user's connect {@code times}: local wall-clock {@code start} and {@code end}, {@code HH:MM:SS}. */
public record TimeRange(String start, String end) {
}
