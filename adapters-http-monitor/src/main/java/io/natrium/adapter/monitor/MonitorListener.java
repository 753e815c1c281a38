package io.natrium.adapter.monitor;

/**
 * Where the monitoring server listens, as /varz reports it.
 *
 * @param host               the configured host
 * @param port               the bound port
 * @param configuredBasePath {@code http_base_path} as configured (empty when not)
 */
record MonitorListener(String host, int port, String configuredBasePath) {
}
