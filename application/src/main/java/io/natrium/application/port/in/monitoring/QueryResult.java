package io.natrium.application.port.in.monitoring;

/**
 * The answer to a monitoring query, or the reason it was refused (in nats-server's words, e.g.
 * {@code sort by stop only valid on closed connections}).
 */
public sealed interface QueryResult<T> {

    static <T> QueryResult<T> answer(T value) {
        return new Answer<>(value);
    }

    static <T> QueryResult<T> rejected(String reason) {
        return new Rejected<>(reason);
    }

    record Answer<T>(T value) implements QueryResult<T> {
    }

    record Rejected<T>(String reason) implements QueryResult<T> {
    }
}
