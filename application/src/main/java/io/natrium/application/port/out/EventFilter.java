package io.natrium.application.port.out;

import java.util.List;

/**
 * The servers a request is meant for (nats-server's {@code EventFilterOptions}): a server answers only if its name,
 * cluster and host contain the given texts, it has every tag, and its JetStream domain is the given one. Empty
 * values filter nothing.
 */
public record EventFilter(String serverName, String cluster, String host, List<String> tags, String domain) {

    public static final EventFilter NONE = new EventFilter("", "", "", List.of(), "");

    public EventFilter {
        serverName = serverName == null ? "" : serverName;
        cluster = cluster == null ? "" : cluster;
        host = host == null ? "" : host;
        tags = tags == null ? List.of() : List.copyOf(tags);
        domain = domain == null ? "" : domain;
    }
}
