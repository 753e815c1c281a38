package io.natrium.bootstrap;

/**
 * Where the HTTP monitoring server listens, until the settings carry it (nats-server's {@code http},
 * {@code http_port}/{@code -m} and {@code http_base_path}).
 *
 * @param host     the address to listen on; null means the client listener's host
 * @param port     the port; 0 turns monitoring off, -1 picks a free port
 * @param basePath every endpoint is served under this path; empty for the root
 */
public record MonitoringOptions(String host, int port, String basePath) {

    public MonitoringOptions {
        basePath = basePath == null ? "" : basePath;
    }

    /** No monitoring, nats-server's default. */
    public static MonitoringOptions none() {
        return new MonitoringOptions(null, 0, "");
    }

    /** Monitoring on this port (-1 for a free one), on the client listener's host, at the root. */
    public static MonitoringOptions onPort(int port) {
        return new MonitoringOptions(null, port, "");
    }

    public boolean enabled() {
        return port != 0;
    }

    public MonitoringOptions withHost(String value) {
        return new MonitoringOptions(value, port, basePath);
    }

    public MonitoringOptions withBasePath(String value) {
        return new MonitoringOptions(host, port, value);
    }
}
