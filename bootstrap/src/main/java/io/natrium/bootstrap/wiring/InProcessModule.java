package io.natrium.bootstrap.wiring;

import io.natrium.adapter.inprocess.InProcessClientListener;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tls.OcspPeerVerifier;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;

import java.net.InetSocketAddress;
import java.util.function.IntConsumer;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * {@link TcpModule}'s listener plus an in-process one under {@code name}: the transport of an embedded server, whose
 * clients in the same JVM may skip the socket. Both listeners open and close together, TCP's address is the one
 * reported.
 */
public final class InProcessModule extends AbstractModule {

    /** Its provider methods build the TCP listener here as they do when it is installed alone. */
    private final TcpModule tcp = new TcpModule();
    private final String name;

    /** @param name the in-process address, unique in the JVM */
    public InProcessModule(String name) {
        this.name = name;
    }

    @Provides
    @Singleton
    ClientTls clientTls(ServerSettings settings, OcspPeerVerifier peers) {
        return tcp.clientTls(settings, peers);
    }

    @Provides
    @Singleton
    InProcessClientListener inProcessListener(OutboundLimits limits, ConnectClientUseCase connectClient,
            ProtocolTracer tracer) {
        return new InProcessClientListener(name, limits, connectClient, tracer);
    }

    @Provides
    @Singleton
    ClientListener clientListener(ServerSettings settings, OutboundLimits limits, ConnectClientUseCase connectClient,
            ProtocolTracer tracer, ClientTls tls, InProcessClientListener inProcess) {
        return new Both(tcp.clientListener(settings, limits, connectClient, tracer, tls), inProcess);
    }

    private record Both(ClientListener tcp, InProcessClientListener inProcess) implements ClientListener {

        @Override
        public InetSocketAddress start(IntConsumer portBound) throws InterruptedException {
            inProcess.start();
            return tcp.start(portBound);
        }

        @Override
        public void stopAccepting() {
            tcp.stopAccepting();
            inProcess.stopAccepting();
        }

        @Override
        public void shutdown(long timeoutMillis) {
            tcp.shutdown(timeoutMillis);
            inProcess.shutdown(timeoutMillis);
        }

        @Override
        public void tlsReloaded(TlsSettings tls, OcspSettings ocsp) {
            tcp.tlsReloaded(tls, ocsp);
        }
    }
}
