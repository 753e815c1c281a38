package io.natrium.adapter.protocol;

import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.service.ConnectClientService;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.auth.PasswordVerifier;
import io.natrium.testkit.RecordingTracer;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Ticker;

/**
 * One in-process server with default settings whose clients are {@link EmbeddedChannel}s with the real
 * {@link ClientConnectionHandler}, services and outbounds: no sockets, everything on the calling thread.
 */
final class EmbeddedClients {

    private final ServerSettings settings = ServerSettings.defaults();
    /** Switchable as the server's is, and off. */
    private final RecordingTracer tracer = new RecordingTracer().enabled(false);
    private final ServerContext context = new ServerContext(settings, ServerIdentity.generate(null), Runnable::run,
            tracer, PasswordVerifier.rejectingHashes(), Runnable::run, new JacksonServerMessageEncoder());
    private final ConnectClientService connectClient = new ConnectClientService(context);
    private final OutboundLimits limits = new OutboundLimits(() -> settings, PendingBudget.ofDirectMemory());

    /**
     * A channel not registered yet, whose clock stands still (no keep-alive timer fires); {@link #accept} makes it a
     * client. Building it is Netty's part, the same for any server.
     */
    EmbeddedChannel newChannel(ByteBufAllocator allocator) {
        EmbeddedChannel channel = EmbeddedChannel.builder().register(false).ticker(Ticker.newMockTicker()).build();
        if (allocator != null) {
            channel.config().setAllocator(allocator);
        }
        return channel;
    }

    /** What the server's channel initializer does at accept: the handler added, the channel registered (INFO). */
    void accept(EmbeddedChannel channel) throws Exception {
        channel.pipeline().addLast("nats", new ClientConnectionHandler(connectClient, tracer, limits));
        channel.register();
    }

    /** Clients registered with the server now. */
    int clients() {
        return context.clients().size();
    }
}
