package io.natrium.adapter.monitor;

import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.ConnectionQueryUseCase;
import io.natrium.application.port.in.MqttStatusQueryUseCase;
import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.SubscriptionQueryUseCase;
import io.natrium.application.port.in.monitoring.ConnectionPage;
import io.natrium.application.port.in.monitoring.ConnectionQuery;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.ServerStatus;
import io.natrium.application.port.in.monitoring.SubscriptionPage;
import io.natrium.application.port.in.monitoring.SubscriptionQuery;

/**
 * {@code /metrics} (beyond nats-server): what /varz, /connz, /subsz and /accstatz report, and the MQTT figures, in the Prometheus text
 * format under prometheus-nats-exporter's names, so a Prometheus scrapes the server without an exporter beside it.
 * It asks the same query use cases as those endpoints, on the monitoring worker like every endpoint; the queries
 * read what connections publish and never wait for a connection's thread.
 */
final class MetricsEndpoint implements Endpoint {

    private final ServerStatusQueryUseCase status;
    private final ConnectionQueryUseCase connections;
    private final SubscriptionQueryUseCase subscriptions;
    private final AccountQueryUseCase accounts;
    private final MqttStatusQueryUseCase mqtt;
    private final HttpRequestStats requests;
    private final ProcessMetrics process;

    MetricsEndpoint(ServerStatusQueryUseCase status, ConnectionQueryUseCase connections,
            SubscriptionQueryUseCase subscriptions, AccountQueryUseCase accounts, MqttStatusQueryUseCase mqtt,
            HttpRequestStats requests, ProcessMetrics process) {
        this.status = status;
        this.connections = connections;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.mqtt = mqtt;
        this.requests = requests;
        this.process = process;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) {
        requests.count(MonitorPaths.METRICS);
        PrometheusText out = new PrometheusText();
        ServerStatus server = status.status();
        VarzMetrics.write(out, server, process.residentBytes(), process.cpuPercent(),
                Runtime.getRuntime().availableProcessors(), requests.snapshot());
        if (connections.connections(ConnectionQuery.defaults()) instanceof QueryResult.Answer<ConnectionPage> page) {
            ConnzMetrics.write(out, server.serverId(), page.value());
        }
        if (subscriptions.subscriptions(SubscriptionQuery.defaults())
                instanceof QueryResult.Answer<SubscriptionPage> page) {
            SubszMetrics.write(out, server.serverId(), page.value().statistics());
        }
        AccstatzMetrics.write(out, accounts.statistics(true));
        MqttMetrics.write(out, server.serverId(), mqtt.mqtt());
        return MonitorResponse.ok(MonitorResponse.Kind.PROMETHEUS, out.bytes());
    }
}
