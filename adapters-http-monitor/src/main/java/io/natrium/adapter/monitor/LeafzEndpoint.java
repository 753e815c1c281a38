package io.natrium.adapter.monitor;

import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.monitoring.ServerStatus;

import java.util.List;

/** /leafz of a server without leaf nodes. */
final class LeafzEndpoint implements Endpoint {

    private final ServerStatusQueryUseCase status;
    private final HttpRequestStats requests;

    LeafzEndpoint(ServerStatusQueryUseCase status, HttpRequestStats requests) {
        this.status = status;
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) throws BadParameterException {
        requests.count(MonitorPaths.LEAFZ);
        QueryParameters.bool(request, "subs");
        ServerStatus server = status.status();
        return MonitorResponse.json(GoJson.indented(new LeafzJson(server.serverId(), server.now(), 0, List.of())));
    }
}
