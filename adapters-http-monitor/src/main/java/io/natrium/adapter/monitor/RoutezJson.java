package io.natrium.adapter.monitor;

import java.time.Instant;
import java.util.List;

/** nats-server's {@code Routez} of a server without a cluster: no routes. */
record RoutezJson(String serverId, String serverName, Instant now, int numRoutes, List<Object> routes) {
}
