package io.natrium.adapter.config;

import io.natrium.application.settings.KeepAliveSettings;
import io.natrium.application.settings.LameDuckSettings;
import io.natrium.application.settings.LimitSettings;
import io.natrium.application.settings.NetworkSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.WriteSettings;

import java.time.Duration;

/**
 * nats-server's {@code setBaselineOptions}: an option set to 0 (in the file or on the command line) means its
 * default, e.g. {@code -p 0} listens on 4222 and {@code max_payload: 0} allows 1 MB.
 */
final class Baseline {

    private Baseline() {
    }

    static ServerSettings apply(ServerSettings settings) {
        ServerSettings.Builder builder = settings.toBuilder();
        if (settings.port() == 0) {
            builder.port(NetworkSettings.DEFAULT_PORT);
        }
        if (settings.maxConnections() == 0) {
            builder.maxConnections(LimitSettings.DEFAULT_MAX_CONNECTIONS);
        }
        if (settings.maxControlLine() == 0) {
            builder.maxControlLine(LimitSettings.DEFAULT_MAX_CONTROL_LINE);
        }
        if (settings.maxPayload() == 0) {
            builder.maxPayload(LimitSettings.DEFAULT_MAX_PAYLOAD);
        }
        if (settings.maxPending() == 0) {
            builder.maxPending(LimitSettings.DEFAULT_MAX_PENDING);
        }
        if (settings.limits().maxClosedClients() == 0) {
            builder.limits(limits -> limits.withMaxClosedClients(LimitSettings.DEFAULT_MAX_CLOSED_CLIENTS));
        }
        builder.pingInterval(orDefault(settings.pingInterval(), KeepAliveSettings.DEFAULT_PING_INTERVAL));
        if (settings.maxPingsOut() == 0) {
            builder.maxPingsOut(KeepAliveSettings.DEFAULT_PING_MAX);
        }
        builder.writeDeadline(orDefault(settings.writeDeadline(), WriteSettings.DEFAULT_DEADLINE));
        builder.lameDuckDuration(orDefault(settings.lameDuckDuration(), LameDuckSettings.DEFAULT_DURATION));
        builder.lameDuckGracePeriod(orDefault(settings.lameDuckGracePeriod(), LameDuckSettings.DEFAULT_GRACE_PERIOD));
        return builder.build();
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value.isZero() ? fallback : value;
    }
}
