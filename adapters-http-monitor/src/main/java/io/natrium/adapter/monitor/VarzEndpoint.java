package io.natrium.adapter.monitor;

import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.monitoring.ServerLimits;
import io.natrium.application.port.in.monitoring.ServerStatus;
import io.natrium.application.port.in.monitoring.ServerTotals;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.WebsocketSettings;
import io.natrium.domain.jwt.GoClaimsJson;
import io.natrium.domain.text.GoDurations;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** /varz: the server, its settings and counters. */
final class VarzEndpoint implements Endpoint {

    /** nats-server's default TLS handshake timeout, which its /varz reports for MQTT even without TLS. */
    private static final double MQTT_TLS_TIMEOUT_SECONDS = 2;

    private final ServerStatusQueryUseCase status;
    private final HttpRequestStats requests;
    private final ProcessMetrics process;
    private final Supplier<MonitorListener> listener;

    VarzEndpoint(ServerStatusQueryUseCase status, HttpRequestStats requests, ProcessMetrics process,
            Supplier<MonitorListener> listener) {
        this.status = status;
        this.requests = requests;
        this.process = process;
        this.listener = listener;
    }

    @Override
    public MonitorResponse respond(MonitorRequest request) {
        requests.count(MonitorPaths.VARZ);
        return MonitorResponse.json(GoJson.indented(varz(status.status())));
    }

    VarzJson varz(ServerStatus server) {
        ServerLimits limits = server.limits();
        ServerTotals totals = server.totals();
        MonitorListener http = listener.get();
        int cores = Runtime.getRuntime().availableProcessors();
        return new VarzJson(server.serverId(), server.serverName(), server.version(), server.protocol(), "",
                server.runtime(), server.host(), server.port(), server.authRequired(), server.tlsRequired(),
                server.tlsVerify(), server.tlsOcspPeerVerify(), "",
                List.of(), List.of(),
                limits.maxConnections(), limits.maxSubscriptions(), limits.pingInterval().toNanos(),
                limits.maxPingsOut(), http.host(), http.httpPort(), http.configuredBasePath(), http.httpsPort(),
                seconds(limits.authTimeout()), limits.maxControlLine(), limits.maxPayload(), limits.maxPending(),
                Map.of(), Map.of(), Map.of(), mqtt(server.mqtt()), websocket(server.websocket()), Map.of(),
                seconds(limits.tlsTimeout()),
                limits.writeDeadline().toNanos(), "", server.start(), server.now(),
                GoDurations.uptime(server.uptime()), process.residentBytes(), cores, cores, 0, process.cpuPercent(),
                server.connections(), totals.totalConnections(), 0, 0, 0, totals.inMessages(), totals.inBytes(),
                totals.inMessages(), totals.inBytes(), totals.outMessages(), totals.outBytes(), totals.outMessages(),
                totals.outBytes(), totals.slowConsumers(), totals.staleConnections(), totals.stalls(),
                server.subscriptions(), requests.snapshot(), server.configLoadTime(), server.configDigest(), List.of(), Map.of(),
                server.operatorJwts(), operatorClaims(server.operatorJwts()), server.systemAccount(), 0,
                VarzJson.OcspPeerCache.of(server.ocspPeerCache()),
                VarzJson.ConnectionKinds.clientsOnly(totals.slowConsumers()),
                VarzJson.ConnectionKinds.clientsOnly(totals.staleConnections()), VarzJson.DiskIoWaitStats.NONE,
                VarzJson.Proxies.of(server.trustedProxies()));
    }

    /** Each trusted operator's claims as the JWT library's struct marshals them. */
    private static List<JsonNode> operatorClaims(List<String> jwts) {
        return jwts.stream().map(jwt -> GoClaimsNodes.of(GoClaimsJson.of(jwt))).toList();
    }

    /**
     * nats-server's {@code MQTTOptsVarz}, its empty fields left out: an empty object without a listener. Its TLS
     * timeout is the block's, or nats-server's default without TLS; pinned certificates sorted (Go's map order is
     * random).
     */
    static Map<String, Object> mqtt(MqttSettings mqtt) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (mqtt == null || !mqtt.enabled()) {
            return out;
        }
        out.put("host", mqtt.host() == null || mqtt.host().isEmpty() ? "0.0.0.0" : mqtt.host());
        out.put("port", mqtt.port());
        putText(out, "no_auth_user", mqtt.noAuthUser());
        Duration authTimeout = mqtt.authorization().timeout();
        if (authTimeout != null && !authTimeout.isZero()) {
            out.put("auth_timeout", seconds(authTimeout));
        }
        if (mqtt.tls() != null && mqtt.tls().verify().map()) {
            out.put("tls_map", true);
        }
        out.put("tls_timeout", mqtt.tls() == null ? MQTT_TLS_TIMEOUT_SECONDS
                : seconds(mqtt.tls().handshake().timeout()));
        if (mqtt.tls() != null && !mqtt.tls().verify().pinnedCerts().isEmpty()) {
            out.put("tls_pinned_certs", mqtt.tls().verify().pinnedCerts().stream().sorted().toList());
        }
        putText(out, "js_domain", mqtt.delivery().jsDomain());
        Duration ackWait = mqtt.delivery().ackWait();
        if (ackWait != null && !ackWait.isZero()) {
            out.put("ack_wait", ackWait.toNanos());
        }
        if (mqtt.delivery().maxAckPending() > 0) {
            out.put("max_ack_pending", mqtt.delivery().maxAckPending());
        }
        return out;
    }

    /**
     * nats-server's {@code WebsocketOptsVarz}, its empty fields left out: an empty object without a listener.
     */
    static Map<String, Object> websocket(WebsocketSettings ws) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (ws == null || !ws.enabled()) {
            return out;
        }
        out.put("host", ws.host() == null || ws.host().isEmpty() ? "0.0.0.0" : ws.host());
        out.put("port", ws.port());
        putText(out, "advertise", ws.advertise());
        putText(out, "no_auth_user", ws.noAuthUser());
        putText(out, "jwt_cookie", ws.cookies().jwt());
        if (!ws.handshakeTimeout().isZero()) {
            out.put("handshake_timeout", ws.handshakeTimeout().toNanos());
        }
        if (!ws.authorization().timeout().isZero()) {
            out.put("auth_timeout", seconds(ws.authorization().timeout()));
        }
        if (ws.noTls()) {
            out.put("no_tls", true);
        }
        // 2.9.10 shows of the block's TLS only these two, not tls_required: wss is known by the ports file and log.
        if (ws.tls() != null && ws.tls().verify().map()) {
            out.put("tls_map", true);
        }
        if (ws.tls() != null && !ws.tls().verify().pinnedCerts().isEmpty()) {
            // Go ranges over a map here, in no set order; sorted, the output is at least stable.
            out.put("tls_pinned_certs", ws.tls().verify().pinnedCerts().stream().sorted().toList());
        }
        if (ws.sameOrigin()) {
            out.put("same_origin", true);
        }
        if (!ws.allowedOrigins().isEmpty()) {
            out.put("allowed_origins", ws.allowedOrigins());
        }
        if (ws.compression()) {
            out.put("compression", true);
        }
        return out;
    }

    private static void putText(Map<String, Object> out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(key, value);
        }
    }

    /** Go keeps these timeouts as float seconds. */
    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
