package io.natrium.bootstrap.wiring;

import io.natrium.adapter.tcp.TcpClientListener;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.ServerSettings;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** The TCP client listener. */
public final class TcpModule extends AbstractModule {

    @Provides
    @Singleton
    TcpClientListener clientListener(ServerSettings settings, ConnectClientUseCase connectClient,
            ProtocolTracer tracer) {
        return new TcpClientListener(settings, connectClient, tracer);
    }
}
