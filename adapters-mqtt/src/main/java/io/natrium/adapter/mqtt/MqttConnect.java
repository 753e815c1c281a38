package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.NettyClientOutbound;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.domain.mqtt.InvalidTopicException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's CONNECT and what it sets up, as nats-server's {@code mqttParseConnect} and {@code mqttProcessConnect}
 * do: the protocol and flag rules, the client id, the will, authentication through the session (which may decide
 * away from the event loop), the takeover of a connected client with the same id in the same account (nats-server
 * keeps sessions per account), CONNACK, the keep-alive and the redelivery timer. Confined to the channel's event loop.
 */
final class MqttConnect {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnect.class);
    private static final String PROTOCOL_NAME = "MQTT";

    private final MqttConnectionHandler connection;
    private final ClientSession session;
    private final NettyClientOutbound outbound;
    private final MqttTrace trace;
    private final MqttClientIds clientIds;
    private final MqttSessionState sessionState;
    private final MqttSubscriptions subscriptions;
    private final Duration ackWait;
    /** {@code reject_qos2_publish}: a QoS 2 will is refused too. */
    private final boolean rejectQos2;
    private String clientId;
    /** The session's key: the client id within the account the client authenticated into. */
    private String sessionKey;
    private boolean cleanSession;
    /**
     * Published when the connection ends other than by DISCONNECT; null without one, after DISCONNECT, or once
     * another client took the session over (from that client's thread, hence volatile).
     */
    private volatile MqttWill will;
    /** Whether DISCONNECT already freed the client id (then the session was still this connection's). */
    private boolean leftOnDisconnect;
    /** CONNECT was accepted: the client holds its id and session. */
    private boolean accepted;
    private int keepAliveSeconds;
    private boolean received;
    /** CONNECT was passed to the session, which decides it away from this thread. */
    private boolean pending;
    private boolean jailed;
    private ScheduledFuture<?> redelivery;

    MqttConnect(MqttConnectionHandler connection, ClientSession session, NettyClientOutbound outbound,
            MqttTrace trace, MqttClientIds clientIds, MqttSessionState sessionState, MqttSubscriptions subscriptions,
            Duration ackWait, boolean rejectQos2) {
        this.connection = connection;
        this.session = session;
        this.outbound = outbound;
        this.trace = trace;
        this.clientIds = clientIds;
        this.sessionState = sessionState;
        this.subscriptions = subscriptions;
        this.ackWait = ackWait;
        this.rejectQos2 = rejectQos2;
    }

    /** Whether a CONNECT came (any other first packet closes the connection). */
    boolean received() {
        return received;
    }

    int keepAliveSeconds() {
        return keepAliveSeconds;
    }

    void receive(MqttConnectMessage message) {
        if (received) {
            connection.protocolError("received a second CONNECT packet");
            return;
        }
        received = true;
        MqttConnectVariableHeader header = message.variableHeader();
        MqttConnectPayload payload = message.payload();
        MqttConnectRules.Refusal refusal = MqttConnectRules.refusal(header);
        if (refusal != null) {
            if (refusal.returnCode() > 0) {
                refuse(refusal.returnCode(), refusal.error());
            } else {
                connection.protocolError(refusal.error());
            }
            return;
        }
        if (rejectQos2 && header.isWillFlag() && header.willQos() == 2) {
            refuse(MqttPackets.QOS2_WILL_REJECTED, "server does not accept QoS2 for Will messages");
            return;
        }
        clientId = payload.clientIdentifier() == null ? "" : payload.clientIdentifier();
        trace.clientId(clientId);
        if (clientId.isEmpty()) {
            if (!header.isCleanSession()) {
                refuse(MqttPackets.IDENTIFIER_REJECTED, "when client ID is empty, clean session flag must be set to 1");
                return;
            }
            clientId = MqttConnectRules.generatedClientId();
            trace.clientId(clientId);
        }
        cleanSession = header.isCleanSession();
        if (header.isWillFlag()) {
            try {
                will = MqttWill.of(header, payload);
            } catch (InvalidTopicException e) {
                connection.protocolError("invalid will topic: " + e.getMessage());
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
        if (trace.on()) {
            trace.in(MqttTrace.connect(clientId, keepAliveSeconds, will == null ? null : will.message(),
                    header.isWillRetain(), user, password));
        }
        // As nats-server: the password also stands for a token and for the user JWT of operator mode (a bearer
        // one, as MQTT has no nonce to sign); the client id names the client in the log.
        session.connect(new ConnectRequest(false, false, null, password, user, password, clientId, null, null, null,
                true, true, false, null, password, null, null, null));
        trace.named();
        if (session.awaitsAuthentication()) {
            pending = true;
            return;
        }
        complete();
    }

    /** The session resumed its input: a CONNECT it was deciding completes now. */
    void resumed() {
        if (pending && !session.awaitsAuthentication()) {
            pending = false;
            complete();
        }
    }

    /** The session admitted the client, or refused it (and then answered CONNACK 5 and is closing). */
    private void complete() {
        if (session.isClosed()) {
            return;
        }
        String account = session.accountName();
        String key = MqttSessionKey.of(account, clientId);
        if (clientIds.jailed(key)) {
            jail();
            return;
        }
        sessionKey = key;
        MqttConnectionHandler replaced = clientIds.takeOver(sessionKey, connection);
        if (replaced != null) {
            // nats-server drops the replaced client's will: its connection ends because another took its place.
            replaced.discardWill();
            LOG.warn("{} - Replacing old client {} since both have the same client ID \"{}\"", session,
                    replaced.session(), clientId);
            replaced.close(CloseReason.DUPLICATE_CLIENT_ID);
        }
        accepted = true;
        trace.send(MqttPackets.connack(MqttPackets.ACCEPTED, sessionState.open(account, sessionKey, cleanSession)));
        sessionState.resume(subscriptions);
        ChannelHandlerContext context = connection.context();
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

    /**
     * The session was taken over less than {@link MqttClientIds#JAIL} ago: as nats-server, the client gets no CONNACK,
     * its packets are ignored, and it is closed after the jail, so that a client reconnecting at once does not take
     * the session straight back. nats-server then logs the error its CONNECT returns.
     */
    private void jail() {
        jailed = true;
        connection.context().executor().schedule(() -> {
            if (outbound.closeReason() == null) {
                LOG.error("{} - unable to connect: connection closed", session);
                outbound.close(CloseReason.DUPLICATE_CLIENT_ID);
            }
        }, MqttClientIds.JAIL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Held by the jail: its packets are ignored until it is closed. */
    boolean jailed() {
        return jailed;
    }

    /** Another client took this one's session over: its will is not published when it closes. */
    void discardWill() {
        will = null;
    }

    /**
     * Netty refused the CONNECT's protocol name and level together; nats-server answers a wrong level of "MQTT" with
     * CONNACK 1 and any other name with a close. Netty words it "<name> and <level> don't match".
     */
    void unacceptableVersion(MqttUnacceptableProtocolVersionException cause) {
        String text = String.valueOf(cause.getMessage());
        int and = text.indexOf(" and ");
        String name = and < 0 ? text : text.substring(0, and);
        received = true;
        if (PROTOCOL_NAME.equals(name)) {
            refuse(MqttPackets.UNACCEPTABLE_PROTOCOL_VERSION,
                    "unacceptable protocol version of " + text.substring(and + 5).replace(" don't match", ""));
        } else {
            connection.protocolError("expected connect packet with protocol name \"MQTT\", got \"" + name + "\"");
        }
    }

    /** DISCONNECT: a normal end, so the will is discarded (MQTT-3.14.4-3). */
    void disconnect() {
        will = null;
        // The id is free before the client sees its connection end: it may connect again at once (nats-server lets
        // it in without the flappers' jail, which the holder's leaving ended).
        leftOnDisconnect = sessionKey != null && clientIds.leave(sessionKey, connection);
        outbound.close(CloseReason.CLIENT_CLOSED);
    }

    /**
     * The connection ended: the redelivery timer stops, the id is free for another client, and an accepted client's
     * will is published, as a PUBLISH of the client would be, unless it sent DISCONNECT. Returns whether the session
     * was still this connection's (no other took it over).
     */
    boolean ended(MqttInbound inbound) {
        if (redelivery != null) {
            redelivery.cancel(false);
        }
        boolean held = leftOnDisconnect || sessionKey != null && clientIds.leave(sessionKey, connection);
        MqttWill last = will;
        if (accepted && last != null && !session.isClosed()) {
            will = null;
            last.publish(inbound);
            session.readBatchComplete();
        }
        return held;
    }

    /** Refuses the CONNECT with {@code returnCode}, as nats-server does before closing. */
    private void refuse(int returnCode, String error) {
        trace.send(MqttPackets.connack(returnCode, false));
        connection.protocolError(error);
    }
}
