package io.natrium.adapter.monitor;

import java.time.Instant;
import java.util.Map;

/** nats-server's {@code Gatewayz} of a server without gateways: empty maps, no name, host or port. */
record GatewayzJson(String serverId, Instant now, Map<String, Object> outboundGateways,
        Map<String, Object> inboundGateways) {
}
