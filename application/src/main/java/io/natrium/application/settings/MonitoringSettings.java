package io.natrium.application.settings;

/**
 * The HTTP(S) monitoring endpoint ({@code /varz}, {@code /connz}, ...). Disabled while both ports are 0.
 *
 * @param host      the address to listen on ({@code http}, {@code https}); null means the client host
 * @param httpPort  the HTTP port ({@code http_port}, {@code -m}); 0 for none, -1 for a free port
 * @param httpsPort the HTTPS port ({@code https_port}, {@code -ms}); 0 for none, -1 for a free port
 * @param basePath  the path the endpoints are served under ({@code http_base_path}); null for the root
 */
public record MonitoringSettings(String host, int httpPort, int httpsPort, String basePath) {

    public static final int DEFAULT_HTTP_PORT = 8222;

    public static MonitoringSettings disabled() {
        return new MonitoringSettings(null, 0, 0, null);
    }

    public boolean enabled() {
        return httpPort != 0 || httpsPort != 0;
    }

    public MonitoringSettings withHost(String value) {
        return new MonitoringSettings(value, httpPort, httpsPort, basePath);
    }

    public MonitoringSettings withHttpPort(int value) {
        return new MonitoringSettings(host, value, httpsPort, basePath);
    }

    public MonitoringSettings withHttpsPort(int value) {
        return new MonitoringSettings(host, httpPort, value, basePath);
    }

    public MonitoringSettings withBasePath(String value) {
        return new MonitoringSettings(host, httpPort, httpsPort, value);
    }
}
