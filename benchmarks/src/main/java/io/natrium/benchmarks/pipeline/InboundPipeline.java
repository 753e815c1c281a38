package io.natrium.benchmarks.pipeline;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.natrium.adapter.protocol.ClientConnectionHandler;
import io.natrium.adapter.protocol.JacksonServerMessageEncoder;
import io.natrium.adapter.protocol.OutboundLimits;
import io.natrium.adapter.protocol.PendingBudget;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.service.ConnectClientService;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.auth.PasswordVerifier;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.Ticker;

/**
 * One publisher and {@code subscribers} subscribers of {@code foo.bar} on an in-process server: the real
 * {@link ClientConnectionHandler} and decoder, the real session and publish path, the subscribers' outbounds and the
 * flush at the end of a read, on Netty embedded channels (no sockets). A read holds {@value #MESSAGES} frames
 * {@code PUB foo.bar 16}, about what the load tool's 64 KiB writes bring per read. Confined to the thread that made
 * it: embedded channels run their event loop on the caller.
 */
final class InboundPipeline implements AutoCloseable {

    static final int MESSAGES = 1_000;
    static final byte[] FRAME = "PUB foo.bar 16\r\n0123456789abcdef\r\n".getBytes(US_ASCII);
    private static final String CONNECT = "CONNECT {\"verbose\":false,\"pedantic\":false}\r\n";
    /** What each subscriber receives per PUB. */
    private static final int MSG_LENGTH = "MSG foo.bar 1 16\r\n0123456789abcdef\r\n".length();

    private final ConnectClientService connectClient;
    private final OutboundLimits limits;
    private final EmbeddedChannel publisher;
    private final EmbeddedChannel[] subscribers;
    private final ByteBuf batch;
    private final Object[] batchRead;

    InboundPipeline(int subscriberCount) throws Exception {
        ServerSettings settings = ServerSettings.defaults();
        ServerContext server = new ServerContext(settings, ServerIdentity.generate(null), Runnable::run,
                ProtocolTracer.OFF, PasswordVerifier.rejectingHashes(), Runnable::run,
                new JacksonServerMessageEncoder());
        connectClient = new ConnectClientService(server);
        limits = new OutboundLimits(() -> settings, PendingBudget.ofDirectMemory());
        subscribers = new EmbeddedChannel[subscriberCount];
        for (int i = 0; i < subscriberCount; i++) {
            subscribers[i] = open(CONNECT + "SUB foo.bar 1\r\n");
        }
        publisher = open(CONNECT);
        batch = PooledByteBufAllocator.DEFAULT.directBuffer(MESSAGES * FRAME.length);
        for (int i = 0; i < MESSAGES; i++) {
            batch.writeBytes(FRAME);
        }
        batchRead = new Object[] {batch};
    }

    private EmbeddedChannel open(String protocol) throws Exception {
        EmbeddedChannel channel = EmbeddedChannel.builder()
                .register(false)
                // A clock that stands still: no keep-alive PING in the middle of the measurement.
                .ticker(Ticker.newMockTicker())
                .handlers(new ClientConnectionHandler(connectClient, ProtocolTracer.OFF, limits))
                .build();
        channel.register();
        channel.writeInbound(Unpooled.copiedBuffer(protocol, US_ASCII));
        drain(channel);
        return channel;
    }

    /**
     * One read of {@value #MESSAGES} PUBs through the server; what it wrote to the subscribers is taken and
     * released. Returns the bytes the subscribers were sent, which must be {@link #expectedBytesPerRead()}.
     */
    int publishOneRead() {
        batch.retain().readerIndex(0);
        publisher.writeInbound(batchRead);
        int written = 0;
        for (EmbeddedChannel subscriber : subscribers) {
            written += drain(subscriber);
        }
        return written;
    }

    int expectedBytesPerRead() {
        return subscribers.length * MESSAGES * MSG_LENGTH;
    }

    private static int drain(EmbeddedChannel channel) {
        int bytes = 0;
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            ByteBuf buffer = (ByteBuf) out;
            bytes += buffer.readableBytes();
            buffer.release();
        }
        return bytes;
    }

    @Override
    public void close() {
        publisher.finishAndReleaseAll();
        for (EmbeddedChannel subscriber : subscribers) {
            subscriber.finishAndReleaseAll();
        }
        batch.release();
    }
}
