package io.natrium.adapter.monitor;

import java.time.Instant;
import java.util.List;

/** nats-server's {@code Leafz} of a server without leaf nodes. */
record LeafzJson(String serverId, Instant now, int leafnodes, List<Object> leafs) {
}
