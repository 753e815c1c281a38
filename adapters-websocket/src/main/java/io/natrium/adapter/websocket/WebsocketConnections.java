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
}
