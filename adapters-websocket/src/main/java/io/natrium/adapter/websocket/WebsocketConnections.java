package io.natrium.adapter.websocket;

import io.natrium.adapter.protocol.CarriedProtocol;
import io.natrium.adapter.protocol.ClientConnectionHandler;
import io.natrium.adapter.protocol.ClientOrigin;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.WebsocketSettings;

/**
 * What every connection of one WebSocket listener shares: its settings (read at start: nats-server lets a reload
 * change only the TLS of the block), its origin check, and what a client's protocol handler is built from.
 */
final class WebsocketConnections {

    /** At least this much may come in one frame (or one compressed message, inflated). */
    private static final int MIN_FRAME_PAYLOAD = 8 * 1024 * 1024;
    /** Room for a control line and headers beside two messages of {@code max_payload}. */
    private static final int FRAME_SLACK = 64 * 1024;

    private final WebsocketSettings settings;
    private final OriginCheck origins;
    private final OutboundLimits limits;
    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final CarriedProtocol mqtt;

    WebsocketConnections(WebsocketSettings settings, OutboundLimits limits, ConnectClientUseCase connectClient,
            ProtocolTracer tracer, CarriedProtocol mqtt) {
        this.mqtt = mqtt;
        this.settings = settings;
        this.origins = new OriginCheck(settings.sameOrigin(), settings.allowedOrigins());
        this.limits = limits;
        this.connectClient = connectClient;
        this.tracer = tracer;
    }

    WebsocketSettings settings() {
        return settings;
    }

    OriginCheck origins() {
        return origins;
    }

    /** MQTT for upgrades on {@code /mqtt}; null without an MQTT listener (such upgrades then carry NATS). */
    CarriedProtocol mqtt() {
        return mqtt;
    }

    ClientConnectionHandler protocolHandler(ClientOrigin origin) {
        return new ClientConnectionHandler(connectClient, tracer, limits, origin);
    }

    /**
     * The largest frame payload a client may send. nats-server reads frames as a stream and has no such limit;
     * Netty's decoder holds a whole frame, so one is needed: twice {@code max_payload} and some, at least 8 MiB, so
     * that a client batching many messages in one frame is never cut. Over it, the client is closed as for a
     * payload too large (1009).
     */
    int maxFramePayload() {
        long wanted = 2L * limits.maxPayload() + FRAME_SLACK;
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(MIN_FRAME_PAYLOAD, wanted));
    }
}
