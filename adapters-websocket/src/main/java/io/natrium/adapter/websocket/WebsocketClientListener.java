package io.natrium.adapter.websocket;

import io.natrium.adapter.protocol.CarriedProtocol;
import io.natrium.adapter.protocol.ListenerBinding;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tls.ServerTls;
import io.natrium.application.port.ListenFailure;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.WebsocketSettings;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket listener ({@code websocket { port }}) and the event loops its connections run on: plain {@code ws}, or
 * {@code wss} when given the block's TLS, whose handler then sits in front of the HTTP upgrade.
 */
public final class WebsocketClientListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebsocketClientListener.class);
    /** nats-server's default host for the listener. */
    private static final String DEFAULT_HOST = "0.0.0.0";
    /** As the TCP listener: a socket counts as blocked past 1 MiB queued, until back under 512 KiB. */

    private final WebsocketSettings settings;
    private final WebsocketConnections connections;
    private final Supplier<ServerTls> tls;
    private ListenerBinding binding;

    /**
     * @param settings the {@code websocket} block in force at start
     * @param limits   what bounds each connection's outbound (and {@code max_payload}, which sizes frames)
     * @param tls      the block's TLS in force, asked per connection (so a reload's certificates serve the
     *                 connections after it); null for plain {@code ws}
     * @param mqtt     the MQTT listener's handling for upgrades on {@code /mqtt}; null without an MQTT listener
     */
    public WebsocketClientListener(WebsocketSettings settings, OutboundLimits limits,
            ConnectClientUseCase connectClient, ProtocolTracer tracer, Supplier<ServerTls> tls,
            CarriedProtocol mqtt) {
        this.settings = settings;
        this.connections = new WebsocketConnections(settings, limits, connectClient, tracer, mqtt);
        this.tls = tls;
    }

    /** The host the listener binds, as nats-server logs it. */
    public String host() {
        return settings.host() == null || settings.host().isEmpty() ? DEFAULT_HOST : settings.host();
    }

    /** Binds the WebSocket port and returns the address bound (a free port when -1 was asked). */
    public InetSocketAddress start() throws InterruptedException {
        binding = ListenerBinding.bind("natrium-websocket", ListenFailure.WEBSOCKET, host(), settings.port(),
                new WebsocketChannelInitializer(connections, tls));
        InetSocketAddress bound = binding.address();
        String scheme = tls == null ? "ws" : "wss";
        LOG.info("Listening for websocket clients on {}://{}:{}", scheme, host(), bound.getPort());
        if (tls == null) {
            LOG.warn("Websocket not configured with TLS. DO NOT USE IN PRODUCTION!");
        }
        return bound;
    }

    /** Closes the listening socket; open connections stay. */
    public void stopAccepting() {
        if (binding != null) {
            binding.stopAccepting();
        }
    }

    /** Stops the event loops, waiting at most {@code timeoutMillis}. */
    public void shutdown(long timeoutMillis) {
        if (binding != null) {
            binding.shutdown(timeoutMillis);
        }
    }
}
