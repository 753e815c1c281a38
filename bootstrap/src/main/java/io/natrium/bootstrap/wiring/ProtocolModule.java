package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.JacksonServerMessageEncoder;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.protocol.PendingBudget;
import io.natrium.application.port.out.ServerMessageEncoder;
import io.natrium.application.server.ServerContext;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol adapter's part of the application: the JSON of the messages the server publishes itself, and the
 * outbound limits every transport's connections share (TCP and WebSocket).
 */
public final class ProtocolModule extends AbstractModule {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolModule.class);

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
    ServerMessageEncoder serverMessageEncoder() {
        return new JacksonServerMessageEncoder();
    }
}
