package io.natrium.adapter.monitor;

import java.util.List;
import java.util.Map;

/**
 * A monitoring request: its decoded path and query parameters.
 *
 * @param path       the decoded path, base path included
 * @param parameters every query parameter with its values in order
 */
record MonitorRequest(String path, Map<String, List<String>> parameters) {

    MonitorRequest {
        parameters = Map.copyOf(parameters);
    }

    /** The first value of a query parameter, empty when absent (Go's {@code r.URL.Query().Get}). */
    String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
