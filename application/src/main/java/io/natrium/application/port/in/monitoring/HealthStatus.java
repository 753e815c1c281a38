package io.natrium.application.port.in.monitoring;

import java.util.List;

/**
 * The outcome of a health check.
 *
 * @param status     {@code ok}, {@code error} or {@code unavailable}
 * @param statusCode the HTTP status nats-server answers with
 * @param error      what failed, empty when healthy or when details were asked for
 * @param errors     what failed, one by one, when details were asked for
 */
public record HealthStatus(String status, int statusCode, String error, List<HealthIssue> errors) {
}
