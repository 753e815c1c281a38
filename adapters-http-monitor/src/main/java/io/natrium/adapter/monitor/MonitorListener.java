package io.natrium.adapter.monitor;

/**
 * Where the monitoring server listens, as /varz reports it.
 *
 * @param host               the configured host
 * @param port               the bound port
 * @param secure             HTTPS ({@code https_port}) rather than HTTP
 * @param configuredBasePath {@code http_base_path} as configured (empty when not)
 */
record MonitorListener(String host, int port, boolean secure, String configuredBasePath) {

    /** /varz {@code http_port}: 0 when serving HTTPS, as nats-server serves one or the other. */
    int httpPort() {
        return secure ? 0 : port;
    }

    /** /varz {@code https_port}. */
    int httpsPort() {
        return secure ? port : 0;
    }
}
