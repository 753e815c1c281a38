package io.natrium.adapter.monitor;

import static io.natrium.adapter.monitor.PrometheusText.Type.COUNTER;
import static io.natrium.adapter.monitor.PrometheusText.Type.GAUGE;

import io.natrium.application.port.in.monitoring.ConnectionInfo;
import io.natrium.application.port.in.monitoring.ConnectionPage;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The open connections of /connz as {@code gnatsd_connz_*} metrics: the counts, then one series per connection
 * with the labels and units of prometheus-nats-exporter's detailed connz collector (times in milliseconds since
 * the epoch, durations in milliseconds, round trips in microseconds). The page is /connz's default one, the first
 * 1,024 connections by cid, which bounds a scrape however many clients there are; {@code gnatsd_connz_total}
 * tells when connections were left out.
 */
final class ConnzMetrics {

    private static final String PREFIX = "gnatsd_connz_";
    /** Every connection is a NATS protocol client for now, as /connz reports them. */
    private static final String KIND = "Client";
    private static final String TYPE = "nats";

    private ConnzMetrics() {
    }

    static void write(PrometheusText out, String serverId, ConnectionPage page) {
        List<ConnectionInfo> connections = page.connections() == null ? List.of() : page.connections();
        out.metric(PREFIX + "num_connections", GAUGE, "Open connections with a series of their own below",
                connections.size(), "server_id", serverId);
        out.metric(PREFIX + "total", GAUGE, "Open connections", page.total(), "server_id", serverId);

        List<String[]> labels = connections.stream().map(connection -> labels(serverId, connection)).toList();
        perConnection(out, "pending_bytes", GAUGE, "Bytes waiting to be written to the connection", connections,
                labels, ConnectionInfo::pendingBytes);
        perConnection(out, "subscriptions", GAUGE, "Subscriptions of the connection", connections, labels,
                ConnectionInfo::subscriptionCount);
        perConnection(out, "in_msgs", COUNTER, "Messages received from the connection", connections, labels,
                ConnectionInfo::inMessages);
        perConnection(out, "out_msgs", COUNTER, "Messages sent to the connection", connections, labels,
                ConnectionInfo::outMessages);
        perConnection(out, "in_bytes", COUNTER, "Payload bytes received from the connection", connections, labels,
                ConnectionInfo::inBytes);
        perConnection(out, "out_bytes", COUNTER, "Payload bytes sent to the connection", connections, labels,
                ConnectionInfo::outBytes);
        perConnection(out, "start", GAUGE, "When the connection was accepted, in milliseconds since the epoch",
                connections, labels, connection -> connection.start().toEpochMilli());
        perConnection(out, "last_activity", GAUGE,
                "When the connection last sent or received, in milliseconds since the epoch", connections, labels,
                connection -> connection.lastActivity().toEpochMilli());
        perConnection(out, "uptime", GAUGE, "How long the connection has been open, in milliseconds", connections,
                labels, connection -> connection.uptime().toMillis());
        perConnection(out, "idle", GAUGE, "Time since the connection's last activity, in milliseconds",
                connections, labels, connection -> connection.idle().toMillis());
        perConnection(out, "rtt", GAUGE, "The last measured round trip to the client, in microseconds",
                connections, labels, connection -> connection.rtt().toNanos() / 1e3);
    }

    private static void perConnection(PrometheusText out, String field, PrometheusText.Type type, String help,
            List<ConnectionInfo> connections, List<String[]> labels, ToDoubleFunction<ConnectionInfo> value) {
        out.family(PREFIX + field, type, help);
        for (int i = 0; i < connections.size(); i++) {
            out.sample(value.applyAsDouble(connections.get(i)), labels.get(i));
        }
    }

    private static String[] labels(String serverId, ConnectionInfo connection) {
        return new String[] {
            "server_id", serverId,
            "cid", Long.toString(connection.cid()),
            "kind", KIND,
            "type", TYPE,
            "ip", text(connection.ip()),
            "port", Integer.toString(connection.port()),
            "name", text(connection.name()),
            "lang", text(connection.lang()),
            "version", text(connection.version())};
    }

    /** A label has no null: an absent text is an empty one, which Prometheus reads as no label. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
