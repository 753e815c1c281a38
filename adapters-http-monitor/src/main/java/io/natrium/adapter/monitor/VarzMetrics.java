package io.natrium.adapter.monitor;

import static io.natrium.adapter.monitor.PrometheusText.Type.COUNTER;
import static io.natrium.adapter.monitor.PrometheusText.Type.GAUGE;

import io.natrium.application.port.in.monitoring.ServerLimits;
import io.natrium.application.port.in.monitoring.ServerStatus;
import io.natrium.application.port.in.monitoring.ServerTotals;

import java.util.Map;

/**
 * The server's numbers of /varz as {@code gnatsd_varz_*} metrics, named as prometheus-nats-exporter names them (the
 * /varz field after the prefix, one {@code server_id} label), so dashboards built on the exporter read them as they
 * are. Counts since start are counters; the exporter calls everything a gauge, which {@code rate()} does not mind.
 * Beyond the exporter: start time and uptime in seconds, the per-kind slow consumer counts, and the requests per
 * endpoint.
 */
final class VarzMetrics {

    private static final String PREFIX = "gnatsd_varz_";
    private static final String SERVER_ID = "server_id";

    private VarzMetrics() {
    }

    static void write(PrometheusText out, ServerStatus server, long residentBytes, double cpuPercent, int cores,
            Map<String, Long> requestsByEndpoint) {
        String id = server.serverId();
        ServerLimits limits = server.limits();
        ServerTotals totals = server.totals();

        info(out, "server_id", "The server's id, as the label value", id, id);
        info(out, "server_name", "The server's name, as the label value", id, server.serverName());
        info(out, "version", "The nats-server version the server implements, as the label value", id,
                server.version());

        gauge(out, "start_time_seconds", "When the server started, in seconds since the Unix epoch", id,
                server.start().toEpochMilli() / 1e3);
        gauge(out, "uptime_seconds", "How long the server has been running, in seconds", id,
                server.uptime().toMillis() / 1e3);
        gauge(out, "mem", "Resident memory of the process, in bytes", id, residentBytes);
        gauge(out, "cpu", "CPU use of the process over the last second, in percent of one core", id, cpuPercent);
        gauge(out, "cores", "Processors available to the server", id, cores);
        gauge(out, "gomaxprocs", "Processors the server may use at once", id, cores);

        gauge(out, "connections", "Open client connections", id, server.connections());
        counter(out, "total_connections", "Client connections accepted since start", id, totals.totalConnections());
        gauge(out, "subscriptions", "Subscriptions across all accounts", id, server.subscriptions());
        gauge(out, "routes", "Cluster routes (none: Natrium does not cluster)", id, 0);
        gauge(out, "remotes", "Remote servers of the cluster (none)", id, 0);
        gauge(out, "leafnodes", "Leaf node connections (none)", id, 0);

        counter(out, "in_msgs", "Messages received since start", id, totals.inMessages());
        counter(out, "in_bytes", "Payload bytes received since start", id, totals.inBytes());
        counter(out, "out_msgs", "Messages sent since start", id, totals.outMessages());
        counter(out, "out_bytes", "Payload bytes sent since start", id, totals.outBytes());
        counter(out, "slow_consumers", "Connections closed as slow consumers since start", id,
                totals.slowConsumers());
        counter(out, "stale_connections", "Connections closed as stale (unanswered pings) since start", id,
                totals.staleConnections());
        counter(out, "stalled_clients", "Times a fast publisher was paused for a slow subscriber", id,
                totals.stalls());
        // /varz's slow_consumer_stats object, flattened: every slow consumer is a client for now.
        counter(out, "slow_consumer_stats_clients", "Client connections closed as slow consumers", id,
                totals.slowConsumers());
        counter(out, "slow_consumer_stats_routes", "Routes closed as slow consumers", id, 0);
        counter(out, "slow_consumer_stats_gateways", "Gateways closed as slow consumers", id, 0);
        counter(out, "slow_consumer_stats_leafs", "Leaf node connections closed as slow consumers", id, 0);

        gauge(out, "max_connections", "The max_connections limit", id, limits.maxConnections());
        gauge(out, "max_subscriptions", "The max_subscriptions limit per connection, 0 for none", id,
                limits.maxSubscriptions());
        gauge(out, "max_payload", "The max_payload limit, in bytes", id, limits.maxPayload());
        gauge(out, "max_pending", "The max_pending limit per connection, in bytes", id, limits.maxPending());
        gauge(out, "max_control_line", "The max_control_line limit, in bytes", id, limits.maxControlLine());
        gauge(out, "ping_interval", "The ping interval, in nanoseconds as /varz reports it", id,
                limits.pingInterval().toNanos());
        gauge(out, "ping_max", "Unanswered pings before a connection is stale", id, limits.maxPingsOut());
        gauge(out, "write_deadline", "The write deadline, in nanoseconds as /varz reports it", id,
                limits.writeDeadline().toNanos());
        gauge(out, "auth_timeout", "The authentication timeout, in seconds", id,
                limits.authTimeout().toNanos() / 1e9);
        gauge(out, "port", "The client port", id, server.port());
        gauge(out, "proto", "The client protocol version", id, server.protocol());

        out.family(PREFIX + "http_req_stats", COUNTER, "Monitoring requests per endpoint since start");
        requestsByEndpoint.forEach((endpoint, count) -> out.sample(count, SERVER_ID, id, "endpoint", endpoint));
    }

    /** The exporter's form for a text field: a gauge of 1 carrying the text as its {@code value} label. */
    private static void info(PrometheusText out, String field, String help, String id, String value) {
        out.metric(PREFIX + field, GAUGE, help, 1, SERVER_ID, id, "value", value);
    }

    private static void gauge(PrometheusText out, String field, String help, String id, double value) {
        out.metric(PREFIX + field, GAUGE, help, value, SERVER_ID, id);
    }

    private static void counter(PrometheusText out, String field, String help, String id, double value) {
        out.metric(PREFIX + field, COUNTER, help, value, SERVER_ID, id);
    }
}
