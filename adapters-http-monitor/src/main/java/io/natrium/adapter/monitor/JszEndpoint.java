package io.natrium.adapter.monitor;

import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.monitoring.ServerStatus;

/**
 * /jsz of a server with JetStream disabled. Its parameters are checked in nats-server's order; asking only for the
 * leader is refused, as nothing leads.
 */
final class JszEndpoint implements Endpoint {

    private static final String[] BOOLEANS_BEFORE_PAGING = {"accounts", "streams", "consumers", "direct-consumers",
        "config"};
    private static final String[] BOOLEANS_AFTER_PAGING = {"leader-only", "raft", "stream-leader-only"};

    private final ServerStatusQueryUseCase status;
    private final HttpRequestStats requests;

    JszEndpoint(ServerStatusQueryUseCase status, HttpRequestStats requests) {
        this.status = status;
        this.requests = requests;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) throws BadParameterException {
        requests.count(MonitorPaths.JSZ);
        for (String name : BOOLEANS_BEFORE_PAGING) {
            QueryParameters.bool(request, name);
        }
        QueryParameters.integer(request, "offset");
        QueryParameters.integer(request, "limit");
        boolean leaderOnly = QueryParameters.bool(request, BOOLEANS_AFTER_PAGING[0]);
        for (int i = 1; i < BOOLEANS_AFTER_PAGING.length; i++) {
            QueryParameters.bool(request, BOOLEANS_AFTER_PAGING[i]);
        }
        if (leaderOnly) {
            return MonitorResponse.badRequest("filtered response: not leader");
        }
        ServerStatus server = status.status();
        return MonitorResponse.json(GoJson.indented(JszJson.disabled(server.serverId(), server.now())));
    }
}
