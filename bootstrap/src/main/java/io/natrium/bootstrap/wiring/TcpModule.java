package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.protocol.PendingBudget;
import io.natrium.adapter.tcp.EarlyListeningSocket;
import io.natrium.adapter.tcp.TcpClientListener;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.ServerSettings;

import java.net.InetSocketAddress;
import java.util.Optional;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The TCP client listener: the production {@link ClientListener}. */
public final class TcpModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(TcpModule.class);

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
     * The outbound limits follow the settings a reload installs, not the ones the server started with; all clients'
     * pending data shares one budget of a quarter of the JVM's direct memory.
     */
    @Provides
    @Singleton
    OutboundLimits outboundLimits(ServerContext context) {
        PendingBudget budget = PendingBudget.ofDirectMemory();
        LOG.debug("Pending data of all clients is limited to {} bytes beyond each client's first {}", budget.limit(),
                PendingBudget.FREE_PER_CLIENT);
        return new OutboundLimits(context::settings, budget);
    }

    @Provides
    @Singleton
    ClientListener clientListener(ServerSettings settings, OutboundLimits limits,
            ConnectClientUseCase connectClient, ProtocolTracer tracer) {
        return new Tcp(new TcpClientListener(settings, limits, connectClient, tracer, early));
    }

    private record Tcp(TcpClientListener listener) implements ClientListener {

        @Override
        public InetSocketAddress start() throws InterruptedException {
            return listener.start();
        }

        @Override
        public void stopAccepting() {
            listener.stopAccepting();
        }

        @Override
        public void shutdown(long timeoutMillis) {
            listener.shutdown(timeoutMillis);
        }
    }
}
