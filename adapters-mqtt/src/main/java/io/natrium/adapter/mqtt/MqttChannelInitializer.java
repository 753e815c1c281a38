package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.CarriedProtocol;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tls.ServerTls;
import io.natrium.adapter.tls.TlsEventsHandler;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.domain.auth.ConnectionType;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;

import java.util.function.Supplier;

/**
 * An accepted MQTT connection's pipeline: TLS first when the listener has it (nats-server's MQTT port starts the
 * handshake at once), the {@link MqttPublishDecoder} (PUBLISH decoded fast), Netty's MQTT decoder, then the client's {@link MqttConnectionHandler}. The same decoder and
 * handler also serve MQTT carried by WebSocket frames ({@link CarriedProtocol}), sharing the client ids.
 */
final class MqttChannelInitializer extends ChannelInitializer<SocketChannel> implements CarriedProtocol {

    /** Room for a PUBLISH's topic and packet identifier besides its payload. */
    private static final int PACKET_OVERHEAD = 2 + 65_535 + 2;

    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final OutboundLimits limits;
    private final Supplier<MqttDeliverySettings> delivery;
    private final MqttClientIds clientIds;
    private final Supplier<ServerTls> tls;
    private final boolean allowNonTls;
    private final MqttState state;

    /**
     * {@code tls} is asked for each new connection (so a reload can change it); null for plain MQTT. With
     * {@code allowNonTls} a client may also talk plain MQTT on a TLS port, as nats-server's {@code allow_non_tls}.
     */
    MqttChannelInitializer(ConnectClientUseCase connectClient, ProtocolTracer tracer, OutboundLimits limits,
            Supplier<MqttDeliverySettings> delivery, MqttClientIds clientIds, Supplier<ServerTls> tls,
            boolean allowNonTls, MqttState state) {
        this.connectClient = connectClient;
        this.tracer = tracer;
        this.limits = limits;
        this.delivery = delivery;
        this.clientIds = clientIds;
        this.tls = tls;
        this.allowNonTls = allowNonTls;
        this.state = state;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (tls != null) {
            ServerTls current = tls.get();
            channel.pipeline().addLast("tls", allowNonTls ? new TlsOrPlainDecoder(current)
                    : current.newHandler(channel.alloc())).addLast("tls-events", new TlsEventsHandler());
        }
        channel.pipeline().addLast("mqtt-first", new FirstPacketGuardHandler(false))
                .addLast("mqtt-publish-decoder", new MqttPublishDecoder(maxPacket())).addLast("mqtt-decoder", decoder())
                .addLast("mqtt", new MqttConnectionHandler(connectClient, tracer, limits, delivery, clientIds,
                        ConnectionType.MQTT, null, state));
    }

    @Override
    public Supplier<CloseReason> install(ChannelPipeline pipeline, String after, String forwardedFor) {
        MqttConnectionHandler handler = new MqttConnectionHandler(connectClient, tracer, limits, delivery, clientIds,
                ConnectionType.MQTT_WS, forwardedFor, state);
        pipeline.addAfter(after, "mqtt-first", new FirstPacketGuardHandler(true))
                .addAfter("mqtt-first", "mqtt-publish-decoder", new MqttPublishDecoder(maxPacket()))
                .addAfter("mqtt-publish-decoder", "mqtt-decoder", decoder()).addAfter("mqtt-decoder", "mqtt", handler);
        return handler::closeReason;
    }

    private MqttDecoder decoder() {
        return new MqttDecoder(maxPacket());
    }

    private int maxPacket() {
        // A packet is held whole before it is handled, so its size is bounded by max_payload (nats-server 2.9.10
        // takes up to MQTT's 256 MB here).
        return (int) Math.min(MqttPublishWriter.MAX_REMAINING_LENGTH, (long) limits.maxPayload() + PACKET_OVERHEAD);
    }
}
