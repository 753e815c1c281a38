package io.natrium.application.port.in;

import io.natrium.application.port.in.monitoring.HealthQuery;
import io.natrium.application.port.in.monitoring.HealthStatus;
import io.natrium.application.port.in.monitoring.ServerStatus;

/** Monitoring: the server's identity, settings and counters (/varz) and its health (/healthz). */
public interface ServerStatusQueryUseCase {

    ServerStatus status();

    HealthStatus health(HealthQuery query);
}
