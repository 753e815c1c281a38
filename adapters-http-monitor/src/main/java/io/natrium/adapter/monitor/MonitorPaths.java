package io.natrium.adapter.monitor;

import java.util.ArrayDeque;
import java.util.Deque;

/** nats-server's monitoring paths, and how they sit under {@code http_base_path}. */
final class MonitorPaths {

    static final String ROOT = "/";
    static final String VARZ = "/varz";
    static final String CONNZ = "/connz";
    static final String ROUTEZ = "/routez";
    static final String GATEWAYZ = "/gatewayz";
    static final String LEAFZ = "/leafz";
    static final String SUBSZ = "/subsz";
    /** The old name of /subsz, still served; counted as /subsz. */
    static final String SUBSCRIPTIONSZ = "/subscriptionsz";
    static final String STACKSZ = "/stacksz";
    static final String ACCOUNTZ = "/accountz";
    static final String ACCSTATZ = "/accstatz";
    static final String JSZ = "/jsz";
    static final String HEALTHZ = "/healthz";
    /** Beyond nats-server: the Prometheus exposition of the endpoints' numbers. */
    static final String METRICS = "/metrics";
    /** Beyond nats-server: the dashboard's script and style sheet live below this. */
    static final String DASHBOARD = "/dashboard";

    private MonitorPaths() {
    }

    /** nats-server's {@code normalizeBasePath}: a leading slash, then cleaned; empty is the root. */
    static String normalizeBasePath(String basePath) {
        if (basePath == null || basePath.isEmpty()) {
            return ROOT;
        }
        return clean(basePath.startsWith("/") ? basePath : "/" + basePath);
    }

    /** Go's {@code path.Join} of a normalized base path and an endpoint path. */
    static String join(String basePath, String path) {
        return clean(basePath + "/" + path);
    }

    /** Go's {@code path.Clean} for absolute paths: no empty, {@code .} or {@code ..} segments, no trailing slash. */
    static String clean(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }
}
