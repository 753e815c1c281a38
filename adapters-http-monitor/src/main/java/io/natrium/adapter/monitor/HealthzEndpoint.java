package io.natrium.adapter.monitor;

import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.monitoring.HealthIssue;
import io.natrium.application.port.in.monitoring.HealthQuery;
import io.natrium.application.port.in.monitoring.HealthStatus;

import java.util.List;

/**
 * /healthz: {@code {"status":"ok"}} (compact JSON, as nats-server marshals it), or the failure with its HTTP status.
 * The JetStream parameters are accepted and answered as by a server without JetStream.
 */
final class HealthzEndpoint implements Endpoint {

    private final ServerStatusQueryUseCase status;
    private final HttpRequestStats requests;

    HealthzEndpoint(ServerStatusQueryUseCase status, HttpRequestStats requests) {
        this.status = status;
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) throws BadParameterException {
        requests.count(MonitorPaths.HEALTHZ);
        boolean jsEnabled = QueryParameters.bool(request, "js-enabled");
        boolean jsEnabledOnly = QueryParameters.bool(request, "js-enabled-only");
        boolean jsServerOnly = QueryParameters.bool(request, "js-server-only");
        boolean jsMetaOnly = QueryParameters.bool(request, "js-meta-only");
        boolean details = QueryParameters.bool(request, "details");
        HealthStatus health = status.health(new HealthQuery(jsEnabled || jsEnabledOnly, jsServerOnly, jsMetaOnly,
                request.parameter("account"), request.parameter("stream"), request.parameter("consumer"), details));
        List<HealthzJson.Issue> issues = health.errors().stream()
                .map(HealthzEndpoint::issue).toList();
        return MonitorResponse.json(health.statusCode(),
                GoJson.compact(new HealthzJson(health.status(), 0, health.error(), issues)));
    }

    static HealthzJson.Issue issue(HealthIssue issue) {
        return new HealthzJson.Issue(issue.type(), issue.account(), issue.stream(), issue.consumer(), issue.error());
    }
}
