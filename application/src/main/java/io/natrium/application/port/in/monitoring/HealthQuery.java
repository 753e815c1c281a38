package io.natrium.application.port.in.monitoring;

/** The /healthz parameters, as nats-server's {@code HealthzOptions}. */
public record HealthQuery(
        boolean jsEnabledOnly,
        boolean jsServerOnly,
        boolean jsMetaOnly,
        String account,
        String stream,
        String consumer,
        boolean details) {

    public static HealthQuery defaults() {
        return new HealthQuery(false, false, false, "", "", "", false);
    }
}
