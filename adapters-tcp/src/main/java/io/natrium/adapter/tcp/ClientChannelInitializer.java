package io.natrium.adapter.tcp;

import io.natrium.adapter.protocol.ClientConnectionHandler;
import io.natrium.adapter.protocol.ClientOrigin;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tls.ServerTls;
import io.natrium.adapter.tls.TlsEventsHandler;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.settings.TlsHandshakeSettings;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;

import java.util.function.Supplier;

/**
 * Builds a client connection's pipeline: the protocol handler, and with TLS configured the negotiation that puts the
 * TLS layer in front of it when nats-server would start the handshake. The TLS in force is read per connection, so a
 * reload's new certificates apply to the connections accepted after it.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ConnectClientUseCase connectClient;
    private final ProtocolTracer tracer;
    private final OutboundLimits limits;
    private final Supplier<ServerTls> tls;
    private final boolean allowNonTls;
    private final boolean proxyProtocol;
    private final ClientOrigin origin;

    /**
     * @param tls           the client port's TLS in force; null (or a supplier of null) for plaintext
     * @param allowNonTls   with TLS, clients may also stay in clear text ({@code allow_non_tls})
     * @param proxyProtocol a PROXY protocol header may come before anything else ({@code proxy_protocol})
     */
    ClientChannelInitializer(OutboundLimits limits, ConnectClientUseCase connectClient, ProtocolTracer tracer,
            Supplier<ServerTls> tls, boolean allowNonTls, boolean proxyProtocol) {
        this(limits, connectClient, tracer, tls, allowNonTls, proxyProtocol, ClientOrigin.STANDARD);
    }

    private ClientChannelInitializer(OutboundLimits limits, ConnectClientUseCase connectClient, ProtocolTracer tracer,
            Supplier<ServerTls> tls, boolean allowNonTls, boolean proxyProtocol, ClientOrigin origin) {
        this.origin = origin;
        this.connectClient = connectClient;
        this.tracer = tracer;
        this.limits = limits;
        this.tls = tls == null ? () -> null : tls;
        this.allowNonTls = allowNonTls;
        this.proxyProtocol = proxyProtocol;
    }

    /** The same pipeline for a client already greeted with {@code greeting} while the server was starting. */
    ClientChannelInitializer greetedWith(ServerInfo greeting) {
        return new ClientChannelInitializer(limits, connectClient, tracer, tls, allowNonTls, proxyProtocol,
                ClientOrigin.greetedWith(greeting));
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (proxyProtocol) {
            // In clear text before everything, TLS included, as a proxy sends it.
            pipeline.addLast(ProxyProtocolHandler.NAME, new ProxyProtocolHandler());
        }
        ServerTls current = tls.get();
        if (current != null) {
            TlsHandshakeSettings handshake = current.settings().handshake();
            TlsEventsHandler events = new TlsEventsHandler();
            pipeline.addLast(TlsNegotiationHandler.NAME, new TlsNegotiationHandler(current, mode(handshake),
                    handshake.fallbackDelay().toNanos(), events));
            pipeline.addLast("tls-events", events);
        }
        pipeline.addLast("nats", new ClientConnectionHandler(connectClient, tracer, limits, origin));
    }

    private TlsNegotiationHandler.Mode mode(TlsHandshakeSettings handshake) {
        if (handshake.first()) {
            return handshake.fallbackDelay().isZero() ? TlsNegotiationHandler.Mode.TLS_FIRST
                    : TlsNegotiationHandler.Mode.TLS_FIRST_OR_INFO;
        }
        return allowNonTls ? TlsNegotiationHandler.Mode.MIXED : TlsNegotiationHandler.Mode.INFO_FIRST;
    }
}
