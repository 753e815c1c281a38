package io.natrium.bootstrap.wiring;

import io.natrium.adapter.inprocess.InProcessClientListener;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.TlsSettings;

import java.net.InetSocketAddress;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;

/**
 * {@link TcpModule}'s listener plus an in-process one under {@code name}: the transport of an embedded server, whose
 * clients in the same JVM may skip the socket. Both listeners open and close together, TCP's address is the one
 * reported.
 */
public final class InProcessModule extends AbstractModule {

    private static final String TCP = "tcp";

    private final String name;

    /** @param name the in-process address, unique in the JVM */
    public InProcessModule(String name) {
        this.name = name;
    }

    @Override
    protected void configure() {
        // TcpModule binds the ClientListener itself; kept private, its listener is exposed under a name instead.
        install(new PrivateModule() {
            @Override
            protected void configure() {
                install(new TcpModule());
                bind(Key.get(ClientListener.class, Names.named(TCP))).to(ClientListener.class);
                expose(Key.get(ClientListener.class, Names.named(TCP)));
            }
        });
    }

    @Provides
    @Singleton
    InProcessClientListener inProcessListener(OutboundLimits limits, ConnectClientUseCase connectClient,
            ProtocolTracer tracer) {
        return new InProcessClientListener(name, limits, connectClient, tracer);
    }

    @Provides
    @Singleton
    ClientListener clientListener(@Named(TCP) ClientListener tcp, InProcessClientListener inProcess) {
        return new Both(tcp, inProcess);
    }

    private record Both(ClientListener tcp, InProcessClientListener inProcess) implements ClientListener {

        @Override
        public InetSocketAddress start() throws InterruptedException {
            inProcess.start();
            return tcp.start();
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
        public void tlsReloaded(TlsSettings tls) {
            tcp.tlsReloaded(tls);
        }
    }
}
