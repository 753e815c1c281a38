package io.natrium.adapter.monitor;

import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.monitoring.ServerStatus;

import java.util.Map;

/** /gatewayz of a server without gateways: no outbound or inbound gateways. Its parameters are checked. */
final class GatewayzEndpoint implements Endpoint {

    private final ServerStatusQueryUseCase status;
    private final HttpRequestStats requests;

    GatewayzEndpoint(ServerStatusQueryUseCase status, HttpRequestStats requests) {
        this.status = status;
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) throws BadParameterException {
        requests.count(MonitorPaths.GATEWAYZ);
        QueryParameters.subscriptions(request);
        QueryParameters.bool(request, "accs");
        ServerStatus server = status.status();
        return MonitorResponse.json(GoJson.indented(new GatewayzJson(server.serverId(), server.now(), Map.of(),
                Map.of())));
    }
}
