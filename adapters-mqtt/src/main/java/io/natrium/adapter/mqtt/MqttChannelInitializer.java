package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.settings.MqttDeliverySettings;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;

import java.util.function.Supplier;

/** An accepted MQTT connection's pipeline: Netty's MQTT decoder, then the client's {@link MqttConnectionHandler}. */
final class MqttChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Room for a PUBLISH's topic and packet identifier besides its payload. */
    private static final int PACKET_OVERHEAD = 2 + 65_535 + 2;

    private final ConnectClientUseCase connectClient;
    private final OutboundLimits limits;
    private final Supplier<MqttDeliverySettings> delivery;
    private final MqttClientIds clientIds;
    private final MqttState state;

    MqttChannelInitializer(ConnectClientUseCase connectClient, OutboundLimits limits,
            Supplier<MqttDeliverySettings> delivery, MqttClientIds clientIds, MqttState state) {
        this.connectClient = connectClient;
        this.limits = limits;
        this.delivery = delivery;
        this.clientIds = clientIds;
        this.state = state;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        // A packet is held whole before it is handled, so its size is bounded by max_payload (nats-server 2.9.10
        // takes up to MQTT's 256 MB here).
        int maxPacket = (int) Math.min(MqttPublishWriter.MAX_REMAINING_LENGTH,
                (long) limits.maxPayload() + PACKET_OVERHEAD);
        channel.pipeline()
                .addLast("mqtt-decoder", new MqttDecoder(maxPacket))
                .addLast("mqtt", new MqttConnectionHandler(connectClient, limits, delivery.get(), clientIds,
                        state));
    }
}
