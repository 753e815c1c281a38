package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tcp.EarlyListeningSocket;
import io.natrium.adapter.tcp.TcpClientListener;
import io.natrium.adapter.tls.OcspPeerVerifier;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.IntConsumer;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** The TCP client listener: the production {@link ClientListener}. */
public final class TcpModule extends AbstractModule {

    private final Optional<EarlyListeningSocket> early;

    /** A listener that binds the client port when the server starts. */
    public TcpModule() {
        this(Optional.empty());
    }

    /** A listener that takes over the client port bound before the server was wired, when there is one. */
    public TcpModule(Optional<EarlyListeningSocket> early) {
        this.early = early;
    }

    /**
     * The client port's TLS, stapled as nats-server decides for its {@code ocsp} block, rebuilt on reload; supplies
     * null without a {@code tls} block.
     */
    @Provides
    @Singleton
    ClientTls clientTls(ServerSettings settings, OcspPeerVerifier peers) {
        return ClientTls.stapled(settings.tls(), settings.ocsp(), peers);
    }

    @Provides
    @Singleton
    ClientListener clientListener(ServerSettings settings, OutboundLimits limits,
            ConnectClientUseCase connectClient, ProtocolTracer tracer, ClientTls tls) {
        return new Tcp(new TcpClientListener(settings, limits, connectClient, tracer, tls, early), tls);
    }

    private record Tcp(TcpClientListener listener, ClientTls tls) implements ClientListener {

        @Override
        public InetSocketAddress start(IntConsumer portBound) throws InterruptedException {
            return listener.start(portBound);
        }

        @Override
        public void stopAccepting() {
            listener.stopAccepting();
        }

        @Override
        public void shutdown(long timeoutMillis) {
            listener.shutdown(timeoutMillis);
        }

        @Override
        public void tlsReloaded(TlsSettings settings, OcspSettings ocsp) {
            tls.reload(settings, ocsp);
        }
    }
}
