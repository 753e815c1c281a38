package io.natrium.adapter.monitor;

import java.util.HashMap;
import java.util.Map;

/**
 * Which endpoint answers which path under the base path, exactly (nats-server's mux has no subtrees here: a
 * trailing slash or a deeper path is not found). JSON answers become JSONP when a {@code callback} is named.
 */
final class MonitorRoutes {

    private final Map<String, Endpoint> endpoints = new HashMap<>();

    MonitorRoutes(String basePath, Map<String, Endpoint> byPath) {
        byPath.forEach((path, endpoint) -> endpoints.put(MonitorPaths.join(basePath, path), endpoint));
    }

    MonitorResponse respond(MonitorRequest request) {
        Endpoint endpoint = endpoints.get(request.path());
        if (endpoint == null) {
            return MonitorResponse.notFound();
        }
        MonitorResponse response;
        try {
            response = endpoint.respond(request);
        } catch (BadParameterException e) {
            return MonitorResponse.badRequest(e.getMessage());
        }
        String callback = request.parameter("callback");
        if (response.kind() == MonitorResponse.Kind.JSON && !callback.isEmpty()) {
            return response.asJsonp(callback);
        }
        return response;
    }
}
