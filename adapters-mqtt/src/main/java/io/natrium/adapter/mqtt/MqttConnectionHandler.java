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
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.mqtt.InvalidTopicException;
import io.natrium.domain.mqtt.MqttTopics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 3.1.1 client, after Netty's MQTT decoder: the client is a NATS session of the application, opened when the
 * channel becomes active, and each packet is what nats-server's {@code mqttParse} makes of it. CONNECT authenticates
 * through the session and takes over a connected client with the same id; PUBLISH becomes a NATS message with the
 * {@code Nmqtt-Pub} header; SUBSCRIBE and UNSUBSCRIBE become NATS subscriptions ({@link MqttSubscriptions}); PUBACK
 * frees a packet of the {@link InflightWindow}. Anything nats-server refuses closes the connection after an error in
 * the log, with the CONNACK refusal first where nats-server sends one. Confined to the channel's event loop. What
 * outlives the connection (sessions, retained messages, the will) is {@link MqttSessionState}'s and {@link MqttWill}'s.
 */
public final class MqttConnectionHandler extends SimpleChannelInboundHandler<MqttMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnectionHandler.class);
    private static final String PROTOCOL_NAME = "MQTT";
    /** nats-server's defaults for a QoS 1 subscription's consumer. */
    private static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(30);
    private static final int DEFAULT_MAX_ACK_PENDING = 1024;

    private final ConnectClientUseCase connectClient;
    private final OutboundLimits limits;
    private final MqttClientIds clientIds;
    /** {@code MQTT}, or {@code MQTT_WS} for MQTT carried by WebSocket frames. */
    private final ConnectionType type;
    private final String forwardedFor;
    private final Duration ackWait;
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
    private String clientId;
    private boolean cleanSession;
    /** Published when the connection ends other than by DISCONNECT; null without one, or after DISCONNECT. */
    private MqttWill will;
    /** CONNECT was accepted: the client holds its id and session. */
    private boolean accepted;
    private int keepAliveSeconds;
    private boolean connectReceived;
    /** CONNECT was passed to the session, which decides it away from this thread. */
    private boolean connectPending;
    private ScheduledFuture<?> redelivery;

    /**
     * @param type         {@code MQTT}, or {@code MQTT_WS} when WebSocket frames carry the packets
     * @param forwardedFor the client's address as a proxy in front of the WebSocket reported it; null for none
     * @param state        sessions and retained messages the server keeps for MQTT clients
     */
    public MqttConnectionHandler(ConnectClientUseCase connectClient, OutboundLimits limits,
            MqttDeliverySettings delivery, MqttClientIds clientIds, ConnectionType type, String forwardedFor,
            MqttState state) {
        this.connectClient = connectClient;
        this.limits = limits;
        this.clientIds = clientIds;
        this.type = type;
        this.forwardedFor = forwardedFor;
        this.state = state;
        this.ackWait = delivery.ackWait() == null || delivery.ackWait().isZero() ? DEFAULT_ACK_WAIT
                : delivery.ackWait();
        this.inflight = new InflightWindow(delivery.maxAckPending() > 0 ? delivery.maxAckPending()
                : DEFAULT_MAX_ACK_PENDING);
        this.writer = new MqttPublishWriter(inflight);
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
        subscriptions = new MqttSubscriptions(session, writer);
        if (type == ConnectionType.MQTT && ctx.pipeline().get(SslHandler.class) != null) {
            // The MQTT port's TLS handshake starts with the connection (over WebSocket it was done before the
            // upgrade, and nats-server reports nothing of it to the MQTT client).
            session.tlsHandshake(new TlsHandshake.Started());
        }
        inbound = new MqttInbound(session, state);
        sessionState = new MqttSessionState(state, inflight, outbound, this);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        if (session.isClosed()) {
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
            malformed(message.decoderResult().cause());
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (!connectReceived && type != MqttMessageType.CONNECT) {
            protocolError("the first packet should be a CONNECT (16), got " + (type.value() << 4));
            return;
        }
        switch (type) {
            case CONNECT -> connect((MqttConnectMessage) message);
            case PUBLISH -> publish((MqttPublishMessage) message);
            case PUBACK -> sessionState.acknowledged(
                    ((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
            case SUBSCRIBE -> failOn(subscriptions.subscribe((MqttSubscribeMessage) message, outbound, sessionState));
            case UNSUBSCRIBE -> failOn(subscriptions.unsubscribe((MqttUnsubscribeMessage) message, outbound,
                    sessionState));
            case PINGREQ -> outbound.sendFrame(MqttPackets.PINGRESP);
            case DISCONNECT -> disconnect();
            case PUBREC, PUBREL, PUBCOMP -> protocolError("protocol " + type.value() + " not supported");
            default -> protocolError("received unknown packet type " + type.value());
        }
    }

    private void connect(MqttConnectMessage message) {
        if (connectReceived) {
            protocolError("received a second CONNECT packet");
            return;
        }
        connectReceived = true;
        MqttConnectVariableHeader header = message.variableHeader();
        MqttConnectPayload payload = message.payload();
        MqttConnectRules.Refusal refusal = MqttConnectRules.refusal(header);
        if (refusal != null) {
            if (refusal.returnCode() > 0) {
                refuse(refusal.returnCode(), refusal.error());
            } else {
                protocolError(refusal.error());
            }
            return;
        }
        clientId = payload.clientIdentifier() == null ? "" : payload.clientIdentifier();
        if (clientId.isEmpty()) {
            if (!header.isCleanSession()) {
                refuse(MqttPackets.IDENTIFIER_REJECTED, "when client ID is empty, clean session flag must be set to 1");
                return;
            }
            clientId = MqttConnectRules.generatedClientId();
        }
        cleanSession = header.isCleanSession();
        if (header.isWillFlag()) {
            try {
                will = MqttWill.of(header, payload);
            } catch (InvalidTopicException e) {
                protocolError("invalid will topic: " + e.getMessage());
                return;
            }
        }
        String user = header.hasUserName() ? payload.userName() : null;
        if (user != null && user.isEmpty()) {
            refuse(MqttPackets.BAD_USER_NAME_OR_PASSWORD, "empty user name not allowed");
            return;
        }
        String password = header.hasPassword() ? new String(payload.passwordInBytes(), StandardCharsets.UTF_8) : null;
        keepAliveSeconds = header.keepAliveTimeSeconds();
        // As nats-server: the password also stands for a token and for the user JWT of operator mode (a bearer
        // one, as MQTT has no nonce to sign); the client id names the client in the log.
        session.connect(new ConnectRequest(false, false, null, password, user, password, clientId, null, null, null,
                true, true, false, null, password, null, null, null));
        if (session.awaitsAuthentication()) {
            connectPending = true;
            return;
        }
        completeConnect();
    }

    /** The session admitted the client, or refused it (and then answered CONNACK 5 and is closing). */
    private void completeConnect() {
        if (session.isClosed()) {
            return;
        }
        MqttConnectionHandler replaced = clientIds.takeOver(clientId, this);
        if (replaced != null) {
            LOG.warn("{} - Replacing old client {} since both have the same client ID \"{}\"", session,
                    replaced.session, clientId);
            replaced.outbound.close(CloseReason.DUPLICATE_CLIENT_ID);
        }
        accepted = true;
        outbound.sendFrame(MqttPackets.connack(MqttPackets.ACCEPTED, sessionState.open(clientId, cleanSession)));
        sessionState.resume(subscriptions);
        if (keepAliveSeconds > 0) {
            // MQTT 3.1.1 §3.1.2.10: one and a half keep-alive periods without a packet end the connection.
            context.pipeline().addBefore(context.name(), "mqtt-keep-alive",
                    new IdleStateHandler(keepAliveSeconds * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }
        long period = Math.max(10, Math.min(1000, ackWait.toMillis() / 4));
        redelivery = context.executor().scheduleAtFixedRate(() -> sessionState.resendDue(ackWait), period, period,
                TimeUnit.MILLISECONDS);
        outbound.flush();
    }

    private void publish(MqttPublishMessage message) {
        int qos = message.fixedHeader().qosLevel().value();
        if (qos > 1) {
            protocolError("publish QoS=" + qos + " not supported");
            return;
        }
        String subject;
        try {
            subject = MqttTopics.publishSubject(message.variableHeader().topicName());
        } catch (InvalidTopicException e) {
            protocolError(e.getMessage());
            return;
        }
        int packetId = message.variableHeader().packetId();
        if (qos > 0 && packetId == 0) {
            protocolError("with QoS=" + qos + ", packet identifier cannot be 0");
            return;
        }
        inbound.route(subject, message.variableHeader().topicName(), qos, message.fixedHeader().isRetain(),
                message.payload());
        if (qos > 0 && !session.isClosed()) {
            outbound.sendFrame(MqttPackets.puback(packetId));
        }
    }

    /** Closes the connection for {@code error} (nats-server's words), if there is one. */
    private void failOn(String error) {
        if (error != null) {
            protocolError(error);
        }
    }

    /** DISCONNECT: a normal end, so the will is discarded (MQTT-3.14.4-3). */
    private void disconnect() {
        will = null;
        outbound.close(CloseReason.CLIENT_CLOSED);
    }

    /** Any other end of an accepted client publishes its will, as a PUBLISH of the client would be. */
    private void publishWill() {
        if (accepted && will != null && !session.isClosed()) {
            MqttWill last = will;
            will = null;
            last.publish(inbound);
            session.readBatchComplete();
        }
    }

    /** The session resumed its input: the CONNECT it decided completes, then what arrived meanwhile is handled. */
    private void replayHeld() {
        if (connectPending && !session.awaitsAuthentication()) {
            connectPending = false;
            completeConnect();
        }
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

    private void malformed(Throwable cause) {
        if (cause instanceof MqttUnacceptableProtocolVersionException) {
            // Netty knows no such name and level together; nats-server answers a wrong level of "MQTT" with
            // CONNACK 1 and any other name with a close. Netty words it "<name> and <level> don't match".
            String text = String.valueOf(cause.getMessage());
            int and = text.indexOf(" and ");
            String name = and < 0 ? text : text.substring(0, and);
            connectReceived = true;
            if (PROTOCOL_NAME.equals(name)) {
                refuse(MqttPackets.UNACCEPTABLE_PROTOCOL_VERSION,
                        "unacceptable protocol version of " + text.substring(and + 5).replace(" don't match", ""));
            } else {
                protocolError("expected connect packet with protocol name \"MQTT\", got \"" + name + "\"");
            }
            return;
        }
        protocolError(cause.getMessage());
    }

    /** Refuses the CONNECT with {@code returnCode}, as nats-server does before closing. */
    private void refuse(int returnCode, String error) {
        outbound.sendFrame(MqttPackets.connack(returnCode, false));
        protocolError(error);
    }

    /** What nats-server's read loop does with an error of mqttParse: logs it and closes, a protocol violation. */
    private void protocolError(String error) {
        LOG.error("{} - {}", session, error);
        outbound.close(CloseReason.PROTOCOL_VIOLATION);
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
            LOG.debug("{} - keep-alive of {}s passed without a packet", session, keepAliveSeconds);
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
            if (redelivery != null) {
                redelivery.cancel(false);
            }
            if (clientId != null) {
                clientIds.leave(clientId, this);
            }
            if (sessionState != null) {
                publishWill();
                sessionState.closed();
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
