package io.natrium.application.port.in.monitoring;

/**
 * One problem found by a detailed health check.
 *
 * @param type nats-server's error type: {@code CONNECTION}, {@code BAD_REQUEST}, {@code JETSTREAM},
 *             {@code ACCOUNT}, {@code STREAM} or {@code CONSUMER}
 */
public record HealthIssue(String type, String account, String stream, String consumer, String error) {
}
