package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.NettyClientOutbound;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.mqtt.InvalidTopicException;
import io.natrium.domain.mqtt.MqttTopics;
import io.natrium.domain.subject.Utf8;
import io.natrium.domain.text.GoDurations;
import io.natrium.domain.text.GoStrings;
import io.netty.buffer.ByteBuf;

import java.time.Duration;
import java.util.List;

/**
 * One MQTT client's protocol trace ({@code -V}), in nats-server's words for MQTT packets: {@code <<- [CONNECT
 * clientID=c1 keepAlive=45s]}, {@code ->> [CONNACK sp=false rc=0]}, {@code <<- [PUBLISH a/b dup=false QoS=1
 * retain=false size=5 pi=3]} and its {@code <<- MSG_PAYLOAD: ["hello"]}, {@code ->> [SUBACK pi=1]}, ... The packets
 * the server sends go through {@link #send}, which traces them from their bytes; deliveries are traced by
 * {@link MqttPublishWriter} with {@link #publish}. Lines are built only while tracing is on. Confined to the
 * connection's event loop, as the outbound's {@code sendFrame}.
 */
final class MqttTrace {

    private static final String IN = "<<- [";
    private static final String OUT = "->> [";

    private final ProtocolTracer tracer;
    private final NettyClientOutbound outbound;
    /** The client's session, whose {@code toString()} is its log prefix once the CONNECT named it. */
    private final Object session;
    /** The client id as far as the CONNECT was read; null before. */
    private String clientId;
    /** The session was given the CONNECT, so its log prefix ends with the client id. */
    private boolean named;

    MqttTrace(ProtocolTracer tracer, NettyClientOutbound outbound, Object session) {
        this.tracer = tracer;
        this.outbound = outbound;
        this.session = session;
    }

    /** The client id the CONNECT gave (or the one made for it), which nats-server's trace shows from then on. */
    void clientId(String id) {
        clientId = id;
    }

    /** The session has the CONNECT: its log prefix names the client from now on. */
    void named() {
        named = true;
    }

    /**
     * nats-server adds the client id, quoted, to an MQTT client's log prefix as soon as it reads the CONNECT, even
     * when it refuses it; Natrium's session learns it with the CONNECT it is given.
     */
    private Object client() {
        return named ? session : session + " - " + GoStrings.quote(clientId == null ? "" : clientId);
    }

    boolean on() {
        return tracer.enabled();
    }

    /** Queues {@code packet} for the client, traced as nats-server traces what it sends. */
    void send(byte[] packet) {
        if (tracer.enabled()) {
            sent(packet);
        }
        outbound.sendFrame(packet);
    }

    /** Queues {@code packet} for the client untraced: it is traced later with {@link #sent}. */
    void sendUntraced(byte[] packet) {
        outbound.sendFrame(packet);
    }

    /** Traces {@code packet} as sent, without sending it. */
    void sent(byte[] packet) {
        if (tracer.enabled()) {
            tracer.trace(client(), OUT + describe(packet) + "]");
        }
    }

    /** An operation the client sent: {@code <<- [PINGREQ]}, {@code <<- [PUBACK pi=3]}. */
    void in(String operation) {
        if (tracer.enabled()) {
            tracer.trace(client(), IN + operation + "]");
        }
    }

    /** Something traced as sent though not sent as it reads, as nats-server traces it. */
    void out(String operation) {
        if (tracer.enabled()) {
            tracer.trace(client(), OUT + operation + "]");
        }
    }

    /**
     * A PUBLISH payload the client sent, as nats-server's {@code mqttTraceMsg} shows it: quoted as Go's {@code %q}, or,
     * when longer than {@code max_traced_msg_len}, its first bytes as they are, then {@code ...}.
     */
    void payload(ByteBuf payload) {
        if (!tracer.enabled()) {
            return;
        }
        int length = payload.readableBytes();
        int limit = tracer.maxPayloadLength();
        byte[] bytes = new byte[limit > 0 && length > limit ? limit : length];
        payload.getBytes(payload.readerIndex(), bytes);
        StringBuilder line = new StringBuilder(bytes.length + 32).append("<<- MSG_PAYLOAD: [\"");
        if (bytes.length < length) {
            line.append(Utf8.decodeKeepingBytes(bytes, 0, bytes.length)).append("...");
        } else {
            GoStrings.appendQuotedContent(line, bytes, bytes.length);
        }
        tracer.trace(client(), line.append("\"]").toString());
    }

    /** {@code mqttConnectTrace}: the client id, then what the CONNECT has of keep-alive, will, user and password. */
    static String connect(String clientId, int keepAliveSeconds, StoredMessage will, boolean willRetain,
            String user, String password) {
        StringBuilder text = new StringBuilder("CONNECT clientID=").append(clientId);
        if (keepAliveSeconds > 0) {
            // nats-server's read deadline: one and a half keep-alives, cut to whole seconds.
            text.append(" keepAlive=").append(GoDurations.format(Duration.ofSeconds((long) (keepAliveSeconds * 1.5))));
        }
        if (will != null) {
            text.append(" will=(topic=").append(will.topic()).append(" QoS=").append(will.qos()).append(" retain=")
                    .append(willRetain).append(')');
        }
        if (user != null && !user.isEmpty()) {
            text.append(" username=").append(user);
        }
        if (password != null && !password.isEmpty()) {
            text.append(" password=****");
        }
        return text.toString();
    }

    /** {@code mqttPubTrace}: {@code PUBLISH a/b dup=false QoS=1 retain=false size=5 pi=3}. */
    static String publish(String topic, boolean dup, int qos, boolean retain, int size, int packetId) {
        StringBuilder text = new StringBuilder(topic.length() + 64).append("PUBLISH ").append(topic)
                .append(" dup=").append(dup).append(" QoS=").append(qos).append(" retain=").append(retain)
                .append(" size=").append(size);
        if (packetId > 0) {
            text.append(" pi=").append(packetId);
        }
        return text.toString();
    }

    /** {@code mqttSubscribeTrace}: each filter with its subject (empty when it has none) and the QoS asked. */
    static String subscribe(int packetId, List<String> filters, List<Integer> qos) {
        StringBuilder text = new StringBuilder("SUBSCRIBE [");
        for (int i = 0; i < filters.size(); i++) {
            filter(text.append(i == 0 ? "" : ", "), filters.get(i)).append(" QoS=").append(qos.get(i));
        }
        return text.append("] pi=").append(packetId).toString();
    }

    /** {@code mqttUnsubscribeTrace}: each filter with its subject. */
    static String unsubscribe(int packetId, List<String> filters) {
        StringBuilder text = new StringBuilder("UNSUBSCRIBE [");
        for (int i = 0; i < filters.size(); i++) {
            filter(text.append(i == 0 ? "" : ", "), filters.get(i));
        }
        return text.append("] pi=").append(packetId).toString();
    }

    private static StringBuilder filter(StringBuilder text, String filter) {
        String subject;
        try {
            subject = MqttTopics.filterSubject(filter);
        } catch (InvalidTopicException e) {
            subject = "";
        }
        return text.append(filter).append(" (").append(subject).append(')');
    }

    /** What the trace shows of a packet the server sends, from its bytes. */
    static String describe(byte[] packet) {
        int type = (packet[0] & 0xFF) >> 4;
        return switch (type) {
            case 2 -> "CONNACK sp=" + ((packet[2] & 1) != 0) + " rc=" + (packet[3] & 0xFF);
            case 3 -> describePublish(packet);
            case 4 -> "PUBACK pi=" + acknowledged(packet);
            case 5 -> "PUBREC pi=" + acknowledged(packet);
            case 6 -> "PUBREL pi=" + acknowledged(packet);
            case 7 -> "PUBCOMP pi=" + acknowledged(packet);
            case 9 -> "SUBACK pi=" + acknowledged(packet);
            case 11 -> "UNSUBACK pi=" + acknowledged(packet);
            case 13 -> "PINGRESP";
            default -> "packet type " + type;
        };
    }

    private static String describePublish(byte[] packet) {
        StoredMessage message = MqttPackets.message(packet);
        return publish(message.topic(), MqttPackets.isDuplicate(packet), message.qos(), MqttPackets.isRetained(packet),
                message.payload().length, MqttPackets.packetId(packet));
    }

    /** The packet identifier of a PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK or UNSUBACK. */
    private static int acknowledged(byte[] packet) {
        return (packet[2] & 0xFF) << 8 | packet[3] & 0xFF;
    }
}
