package io.natrium.adapter.monitor;

import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.monitoring.ServerStatus;

import java.util.List;

/** /routez of a server without a cluster: its identity and no routes. {@code subs} is checked as nats-server does. */
final class RoutezEndpoint implements Endpoint {

    private final ServerStatusQueryUseCase status;
    private final HttpRequestStats requests;

    RoutezEndpoint(ServerStatusQueryUseCase status, HttpRequestStats requests) {
        this.status = status;
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) throws BadParameterException {
        QueryParameters.subscriptions(request);
        requests.count(MonitorPaths.ROUTEZ);
        ServerStatus server = status.status();
        return MonitorResponse.json(GoJson.indented(
                new RoutezJson(server.serverId(), server.serverName(), server.now(), 0, List.of())));
    }
}
