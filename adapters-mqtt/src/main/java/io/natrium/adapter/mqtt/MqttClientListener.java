package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.CarriedProtocol;
import io.natrium.adapter.protocol.ListenerBinding;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tls.ServerTls;
import io.natrium.application.port.ListenFailure;
import io.natrium.application.port.MqttFigures;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.MqttStatistics;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.application.settings.MqttSettings;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT listener ({@code mqtt { port }}) and the event loops its connections run on: plain TCP, or TLS when the
 * block has {@code tls}. It also hands the websocket listener the same MQTT handling for {@code /mqtt}.
 */
public final class MqttClientListener {

    private static final Logger LOG = LoggerFactory.getLogger(MqttClientListener.class);
    /** nats-server's default host for the listener. */
    private static final String DEFAULT_HOST = "0.0.0.0";
    /** As the TCP listener: a socket counts as blocked past 1 MiB queued, until back under 512 KiB. */

    private final MqttSettings settings;
    private final MqttChannelInitializer initializer;
    private final MqttClientIds clientIds = new MqttClientIds();
    private final boolean secure;
    private final MqttState state;
    private ListenerBinding binding;

    /**
     * @param settings    the {@code mqtt} block in force at start
     * @param delivery    its {@code ack_wait} and {@code max_ack_pending} as they are now (a reload may change them)
     * @param tls         the block's TLS in force, asked per connection (so a reload's certificates serve the
     *                    connections after it); null for plain MQTT
     * @param allowNonTls the server's {@code allow_non_tls}: with TLS, plain MQTT clients are taken too
     * @param tracer      the protocol trace ({@code -V}), which shows MQTT packets as nats-server does
     * @param state       sessions and retained messages, closed with the listener
     */
    public MqttClientListener(MqttSettings settings, Supplier<MqttDeliverySettings> delivery, OutboundLimits limits,
            ConnectClientUseCase connectClient, ProtocolTracer tracer, Supplier<ServerTls> tls, boolean allowNonTls,
            MqttState state) {
        this.settings = settings;
        this.secure = tls != null;
        this.state = state;
        this.initializer = new MqttChannelInitializer(connectClient, tracer, limits, delivery, clientIds, tls,
                allowNonTls, state);
    }

    /** The host the listener binds, as nats-server logs it. */
    public String host() {
        return settings.host() == null || settings.host().isEmpty() ? DEFAULT_HOST : settings.host();
    }

    /** MQTT for the websocket listener's {@code /mqtt}: the same handling and client ids as this port's. */
    public CarriedProtocol overWebsocket() {
        return initializer;
    }

    /** The connected MQTT clients by client id. */
    public MqttClientIds clientIds() {
        return clientIds;
    }

    /** What monitoring shows of the MQTT side: clients, sessions, retained and unacknowledged messages. */
    public MqttStatistics statistics() {
        return () -> new MqttFigures(clientIds.size(), state.persistentSessions(), state.retainedMessages(),
                clientIds.inflightMessages(), state.storedMessages());
    }

    /** Binds the MQTT port and returns the address bound (a free port when -1 was asked). */
    public InetSocketAddress start() throws InterruptedException {
        binding = ListenerBinding.bind("natrium-mqtt", ListenFailure.MQTT, host(), settings.port(), initializer);
        InetSocketAddress bound = binding.address();
        // nats-server names the scheme "tls" for its MQTT port with TLS.
        LOG.info("Listening for MQTT clients on {}://{}:{}", secure ? "tls" : "mqtt", host(), bound.getPort());
        return bound;
    }

    /** Closes the listening socket; open connections stay. */
    public void stopAccepting() {
        if (binding != null) {
            binding.stopAccepting();
        }
    }

    /** Stops the event loops, waiting at most {@code timeoutMillis}, then writes and closes the MQTT store. */
    public void shutdown(long timeoutMillis) {
        if (binding != null) {
            binding.shutdown(timeoutMillis);
        }
        state.close();
    }
}
