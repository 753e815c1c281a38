package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.HostText;
import io.natrium.adapter.protocol.NettyClientOutbound;
import io.natrium.adapter.protocol.NettySessionExecutor;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.TlsHandshake;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectClientCommand;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.mqtt.InvalidTopicException;
import io.natrium.domain.mqtt.MqttTopics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 3.1.1 client, after Netty's MQTT decoder: the client is a NATS session of the application, opened when the
 * channel becomes active, and each packet is what nats-server's {@code mqttParse} makes of it. CONNECT authenticates
 * through the session and takes over a connected client with the same id; PUBLISH becomes a NATS message with the
 * {@code Nmqtt-Pub} header; SUBSCRIBE and UNSUBSCRIBE become NATS subscriptions ({@link MqttSubscriptions}); PUBACK
 * frees a packet of the {@link InflightWindow}. Anything nats-server refuses closes the connection after an error in
 * the log, with the CONNACK refusal first where nats-server sends one. Confined to the channel's event loop. CONNECT
 * is {@link MqttConnect}'s, PUBLISH {@link MqttPublishReceiver}'s; what outlives the connection (sessions, retained
 * messages, the will) is {@link MqttSessionState}'s and {@link MqttWill}'s.
 */
public final class MqttConnectionHandler extends SimpleChannelInboundHandler<MqttMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnectionHandler.class);
    /** nats-server's defaults for a QoS 1 subscription's consumer. */
    private static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(30);
    private static final int DEFAULT_MAX_ACK_PENDING = 1024;
    /** How Netty's decoder refuses a PUBLISH topic with wildcards: the topic between these two. */
    private static final String NETTY_WILDCARD_TOPIC = "invalid publish topic name: ";
    private static final String NETTY_WILDCARD_REASON = " (contains wildcards)";

    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final OutboundLimits limits;
    private final MqttClientIds clientIds;
    /** {@code MQTT}, or {@code MQTT_WS} for MQTT carried by WebSocket frames. */
    private final ConnectionType type;
    private final String forwardedFor;
    private final Duration ackWait;
    private final boolean rejectQos2;
    private final boolean downgradeQos2;
    private final InflightWindow inflight;
    private final MqttPublishWriter writer;
    private final MqttState state;
    /** Packets that arrived while the session held its input (a CONNECT being decided); replayed on resume. */
    private final ArrayDeque<MqttMessage> held = new ArrayDeque<>();
    private ChannelHandlerContext context;
    private NettyClientOutbound outbound;
    private ClientSession session;
    private MqttSubscriptions subscriptions;
    private MqttInbound inbound;
    private MqttSessionState sessionState;
    private MqttConnect connect;
    private MqttPublishReceiver publishes;
    private MqttTrace trace;

    /**
     * @param type         {@code MQTT}, or {@code MQTT_WS} when WebSocket frames carry the packets
     * @param forwardedFor the client's address as a proxy in front of the WebSocket reported it; null for none
     * @param state        sessions and retained messages the server keeps for MQTT clients
     */
    public MqttConnectionHandler(ConnectClientUseCase connectClient, ProtocolTracer tracer, OutboundLimits limits,
            Supplier<MqttDeliverySettings> deliveryNow, MqttClientIds clientIds, ConnectionType type,
            String forwardedFor, MqttState state) {
        this.connectClient = connectClient;
        this.tracer = tracer;
        this.limits = limits;
        this.clientIds = clientIds;
        this.type = type;
        this.forwardedFor = forwardedFor;
        this.state = state;
        // ack_wait and the QoS 2 keys are those in force when the client connects (nats-server reads them when it
        // makes the session's consumers); max_ack_pending follows reloads, as nats-server updates its sessions.
        MqttDeliverySettings delivery = deliveryNow.get();
        this.ackWait = delivery.ackWait() == null || delivery.ackWait().isZero() ? DEFAULT_ACK_WAIT
                : delivery.ackWait();
        this.rejectQos2 = delivery.rejectQos2Publish();
        this.downgradeQos2 = delivery.downgradeQos2Subscribe();
        this.inflight = new InflightWindow(() -> maxAckPending(deliveryNow.get()));
        this.writer = new MqttPublishWriter(inflight);
    }

    private static int maxAckPending(MqttDeliverySettings delivery) {
        return delivery.maxAckPending() > 0 ? delivery.maxAckPending() : DEFAULT_MAX_ACK_PENDING;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        context = ctx;
        outbound = new NettyClientOutbound(ctx.channel(), limits, writer);
        outbound.whenInputResumes(this::replayHeld);
        SocketAddress remote = ctx.channel().remoteAddress();
        String host = remote instanceof InetSocketAddress inet ? HostText.of(inet.getAddress()) : String.valueOf(remote);
        int port = remote instanceof InetSocketAddress inet ? inet.getPort() : 0;
        session = connectClient.connect(new ConnectClientCommand(host, port,
                new NettySessionExecutor(ctx.channel().eventLoop()), type, ClientCredentials.none(), forwardedFor),
                outbound);
        outbound.traceAs(session, tracer);
        trace = new MqttTrace(tracer, outbound, session);
        subscriptions = new MqttSubscriptions(session, writer, trace, downgradeQos2);
        if (type == ConnectionType.MQTT && ctx.pipeline().get(SslHandler.class) != null) {
            // The MQTT port's TLS handshake starts with the connection (over WebSocket it was done before the
            // upgrade, and nats-server reports nothing of it to the MQTT client).
            session.tlsHandshake(new TlsHandshake.Started());
        }
        sessionState = new MqttSessionState(state, inflight, outbound, trace, this, rejectQos2);
        writer.whenBacklogHasRoom(() -> ctx.channel().eventLoop().execute(sessionState::sendWaiting));
        inbound = new MqttInbound(session, state, sessionState);
        connect = new MqttConnect(this, session, outbound, trace, clientIds, sessionState, subscriptions, ackWait,
                rejectQos2);
        publishes = new MqttPublishReceiver(this, session, trace, inbound, state, sessionState, rejectQos2);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        // Closing: MqttPublishDecoder may still pass packets that came after the one the decoder refused.
        if (session.isClosed() || outbound.closeReason() != null) {
            return;
        }
        if (session.awaitsAuthentication() || !held.isEmpty()) {
            held.add(ReferenceCountUtil.retain(message));
            return;
        }
        handle(message);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            session.readBatchComplete();
            outbound.flush();
        }
        super.channelReadComplete(ctx);
    }

    private void handle(MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            malformed(message, message.decoderResult().cause());
            return;
        }
        if (connect.jailed()) {
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (!connect.received() && type != MqttMessageType.CONNECT) {
            protocolError("the first packet should be a CONNECT (16), got " + (type.value() << 4));
            return;
        }
        switch (type) {
            case CONNECT -> connect.receive((MqttConnectMessage) message);
            case PUBLISH -> publishes.publish((MqttPublishMessage) message);
            case PUBACK -> sessionState.acknowledged(tracedPacketId("PUBACK", message));
            case PUBREC -> sessionState.received(tracedPacketId("PUBREC", message));
            case PUBREL -> publishes.release(tracedPacketId("PUBREL", message));
            case PUBCOMP -> sessionState.completed(tracedPacketId("PUBCOMP", message));
            case SUBSCRIBE -> failOn(subscriptions.subscribe((MqttSubscribeMessage) message, sessionState));
            case UNSUBSCRIBE -> failOn(subscriptions.unsubscribe((MqttUnsubscribeMessage) message, sessionState));
            case PINGREQ -> {
                trace.in("PINGREQ");
                trace.send(MqttPackets.PINGRESP);
            }
            case DISCONNECT -> {
                trace.in("DISCONNECT");
                connect.disconnect();
            }
            default -> protocolError("received unknown packet type " + type.value());
        }
    }

    /** The packet identifier of an acknowledgement, traced as nats-server traces it: {@code <<- [PUBACK pi=3]}. */
    private int tracedPacketId(String operation, MqttMessage message) {
        int packetId = ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
        if (trace.on()) {
            trace.in(operation + " pi=" + packetId);
        }
        return packetId;
    }

    /** Closes the connection for {@code error} (nats-server's words), if there is one. */
    private void failOn(String error) {
        if (error != null) {
            protocolError(error);
        }
    }

    /** The session resumed its input: the CONNECT it decided completes, then what arrived meanwhile is handled. */
    private void replayHeld() {
        connect.resumed();
        while (!held.isEmpty() && !session.awaitsAuthentication()) {
            MqttMessage message = held.poll();
            try {
                if (!session.isClosed()) {
                    handle(message);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
        session.readBatchComplete();
        outbound.flush();
    }

    private void malformed(MqttMessage message, Throwable cause) {
        if (cause instanceof MqttUnacceptableProtocolVersionException version) {
            connect.unacceptableVersion(version);
            return;
        }
        String error = inNatsServersWords(String.valueOf(cause.getMessage()));
        if (message.fixedHeader() != null && message.fixedHeader().messageType() == MqttMessageType.PUBLISH) {
            // As nats-server's trace: the error in place of the PUBLISH it could not read.
            trace.in("PUBLISH " + error);
        }
        protocolError(error);
    }

    /** Netty's refusal of a PUBLISH topic with wildcards, as nats-server words it; other failures as they are. */
    private static String inNatsServersWords(String error) {
        if (error.startsWith(NETTY_WILDCARD_TOPIC) && error.endsWith(NETTY_WILDCARD_REASON)) {
            try {
                MqttTopics.publishSubject(error.substring(NETTY_WILDCARD_TOPIC.length(),
                        error.length() - NETTY_WILDCARD_REASON.length()));
            } catch (InvalidTopicException e) {
                return e.getMessage();
            }
        }
        return error;
    }

    /** What nats-server's read loop does with an error of mqttParse: logs it and closes, a protocol violation. */
    void protocolError(String error) {
        LOG.error("{} - {}", session, error);
        outbound.close(CloseReason.PROTOCOL_VIOLATION);
    }

    ClientSession session() {
        return session;
    }

    /** The client as the log names it. */
    @Override
    public String toString() {
        return String.valueOf(session);
    }

    ChannelHandlerContext context() {
        return context;
    }

    /** Another client takes this one's session over: the will goes, as nats-server drops it. */
    void discardWill() {
        connect.discardWill();
    }

    /** Closes the connection for {@code reason}: another client took its id over, say. */
    void close(CloseReason reason) {
        outbound.close(reason);
    }

    /** QoS 1 and 2 messages sent to this client and not acknowledged yet; from any thread. */
    int inflightMessages() {
        return inflight.size();
    }

    /** Why the connection is closing, as the outbound decided it; null while it is not (or not known yet). */
    public CloseReason closeReason() {
        return outbound == null ? null : outbound.closeReason();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof TlsHandshake step && session != null) {
            // The session logs each step, records what was agreed and closes the client on a failure.
            session.tlsHandshake(step);
            return;
        }
        if (event instanceof FirstPacketGuardHandler.Refused refused && session != null) {
            protocolError(refused.error());
            return;
        }
        if (event instanceof IdleStateEvent) {
            LOG.debug("{} - keep-alive of {}s passed without a packet", session, connect.keepAliveSeconds());
            outbound.close(CloseReason.READ_ERROR);
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (outbound != null) {
            outbound.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        try {
            super.channelInactive(ctx);
        } finally {
            if (connect != null) {
                sessionState.closed(connect.ended(inbound));
            }
            inflight.clear();
            while (!held.isEmpty()) {
                ReferenceCountUtil.release(held.poll());
            }
            if (session != null) {
                outbound.channelClosed();
                CloseReason reason = outbound.closeReason();
                session.transportClosed(reason == null ? CloseReason.CLIENT_CLOSED : reason);
            }
            if (inbound != null) {
                inbound.release();
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (outbound == null) {
            ctx.close();
            return;
        }
        if (cause instanceof IOException) {
            LOG.debug("{} - read error: {}", session, cause.getMessage());
            outbound.close(CloseReason.READ_ERROR);
        } else {
            LOG.error("{} - unexpected error, closing the connection", session, cause);
            outbound.close(CloseReason.PROTOCOL_VIOLATION);
        }
    }
}
