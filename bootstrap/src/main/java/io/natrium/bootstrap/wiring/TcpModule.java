package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.tcp.TcpClientListener;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.session.ServerContext;
import io.natrium.application.settings.ServerSettings;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** The TCP client listener. */
public final class TcpModule extends AbstractModule {

    /** The outbound limits follow the settings a reload installs, not the ones the server started with. */
    @Provides
    @Singleton
    OutboundLimits outboundLimits(ServerContext context) {
        return new OutboundLimits(context::settings);
    }

    @Provides
    @Singleton
    TcpClientListener clientListener(ServerSettings settings, OutboundLimits limits,
            ConnectClientUseCase connectClient, ProtocolTracer tracer) {
        return new TcpClientListener(settings, limits, connectClient, tracer);
    }
}
