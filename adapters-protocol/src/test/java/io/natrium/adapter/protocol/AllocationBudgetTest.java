package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.natrium.application.port.out.ProcessUsage;
import io.natrium.application.port.out.SystemServices;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.service.ConnectClientService;
import io.natrium.application.service.MonitoringClock;
import io.natrium.application.service.ServerStatusService;
import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.application.system.SystemAccountRuntime;
import io.natrium.application.system.SystemRequests;
import io.natrium.domain.auth.PasswordVerifier;
import io.natrium.testkit.RecordingTracer;
import io.natrium.testkit.memory.ManualExecutor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.Ticker;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The publish hot path allocates (almost) nothing per message once warm: one PUB, decoded by the real
 * {@link ClientProtocolDecoder}, published by the real application session to no subscriber (pub-only), to 1 and
 * to 5 subscribers through their {@link NettyClientOutbound}s, and flushed once per read, all on Netty
 * {@link EmbeddedChannel}s without sockets.
 *
 * <p>Everything runs on one {@link FastThreadLocalThread}, as it does on an event loop, so the thread's allocated-bytes
 * counter sees all the server's work. Only the server's work is inside the measured windows: feeding a read batch
 * (decode, publish, deliver, flush at read complete) and taking and releasing the written buffers. Building the
 * inbound batch (once, reused by retaining it), and checking what the subscribers got, happen outside them.
 *
 * <p>Protocol tracing is off but switchable, as in a server started without {@code -V}: the cost of tracing off, one
 * boolean test per operation, is inside the budget.
 *
 * <p>The budget is measured with Netty's leak detector off: at this module's {@code paranoid} level it records a stack
 * trace on every buffer access, which would be measuring the detector. A separate test runs traffic at
 * {@code paranoid} and proves that every buffer the server allocates is released.
 */
class AllocationBudgetTest {

    private static final String SUBJECT = "foo.bar";
    private static final byte[] PAYLOAD = ascii("0123456789abcdef");
    private static final byte[] PUB = concat(ascii("PUB " + SUBJECT + " " + PAYLOAD.length + "\r\n"), PAYLOAD,
            ascii("\r\n"));
    /** What each subscriber must receive for each PUB, byte for byte. */
    private static final byte[] MSG = concat(ascii("MSG " + SUBJECT + " 1 " + PAYLOAD.length + "\r\n"), PAYLOAD,
            ascii("\r\n"));
    private static final String CONNECT = "CONNECT {\"verbose\":false}\r\n";

    /** Messages per read, as one socket read would bring them. */
    private static final int BATCH = 100;
    /** 200,000 messages: the JIT has compiled the path well before measuring (50,000 already suffice). */
    private static final int WARM_UP_BATCHES = 2_000;
    private static final int ROUND_BATCHES = 500;
    private static final int ROUNDS = 7;
    private static final double BUDGET_BYTES_PER_MESSAGE = 16;

    /** With no subscriber: the pub-only path (decode, match an empty result, nothing to deliver). */
    @ParameterizedTest(name = "{0} subscriber(s)")
    @ValueSource(ints = {0, 1, 5})
    void publishPathAllocatesAlmostNothingPerMessageAfterWarmUp(int subscribers) throws Exception {
        assertWithinBudget(subscribers, Topology.ONE_ACCOUNT);
    }

    @Test
    void aStreamImportedIntoAnotherAccountAllocatesAlmostNothingPerMessageEither() throws Exception {
        assertWithinBudget(2, Topology.STREAM_IMPORT);
    }

    private static void assertWithinBudget(int subscribers, Topology topology) throws Exception {
        Measurement measurement = ThreadAllocations.onEventLoopThread(() -> measure(subscribers, topology));

        System.out.printf("Allocation budget, " + topology + ", %d subscriber(s): bytes/message per round %s; median %.3f, best %.3f "
                        + "(budget %.0f; first, cold read %d bytes; counter overhead per window %d bytes, "
                        + "subtracted)%n", subscribers, Arrays.toString(measurement.bytesPerMessage()),
                measurement.median(), measurement.best(), BUDGET_BYTES_PER_MESSAGE, measurement.firstRead(),
                measurement.overheadPerWindow());
        long published = (long) (WARM_UP_BATCHES + ROUNDS * ROUND_BATCHES) * BATCH;
        assertThat(measurement.framesPerSubscriber()).as("MSG frames received by each subscriber")
                .hasSize(subscribers);
        if (subscribers > 0) {
            assertThat(measurement.framesPerSubscriber()).containsOnly(published);
        }
        assertThat(measurement.firstRead()).as("bytes allocated by the first, cold read").isPositive();
        assertThat(measurement.median()).as("median bytes allocated per published message, %d subscriber(s)",
                subscribers).isLessThan(BUDGET_BYTES_PER_MESSAGE);
    }

    @Test
    void aSystemAccountWithASubscriberOnAllItsEventsAddsNothingPerMessage() throws Exception {
        assertWithinBudget(5, Topology.SYSTEM_ACCOUNT);
    }

    @Test
    void everyBufferTheServerAllocatesIsReleasedAndTheChannelsFinishClean() throws Exception {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        TrackingAllocator allocator = new TrackingAllocator(new UnpooledByteBufAllocator(true, true));
        try {
            long[] frames = ThreadAllocations.onEventLoopThread(() -> {
                try (Wire wire = new Wire(allocator, 5, Topology.ONE_ACCOUNT)) {
                    for (int i = 0; i < 20; i++) {
                        wire.publishBatch();
                        wire.takeOutbound();
                        wire.checkAndReleaseOutbound();
                    }
                    return wire.framesPerSubscriber();
                }
            });

            assertThat(frames).containsOnly(20L * BATCH);
            assertThat(allocator.handedOut()).as("buffers the server allocated").isPositive();
            assertThat(allocator.unreleased()).as("buffers still referenced").isEmpty();
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    private static Measurement measure(int subscribers, Topology topology) throws Exception {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        com.sun.management.ThreadMXBean threads = ThreadAllocations.threads();
        try (Wire wire = new Wire(null, subscribers, topology)) {
            // The first read fills the caches (the match cache keys its subject as a String): proof that the
            // counter sees this thread's allocations, so that the zeros below mean something.
            long firstRead = wire.roundTrip(threads);
            for (int i = 1; i < WARM_UP_BATCHES; i++) {
                wire.roundTrip(threads);
            }
            long overhead = ThreadAllocations.measurementOverhead();
            double[] bytesPerMessage = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long allocated = 0;
                for (int i = 0; i < ROUND_BATCHES; i++) {
                    allocated += wire.roundTrip(threads) - 2 * overhead;
                }
                bytesPerMessage[round] = (double) allocated / ((long) ROUND_BATCHES * BATCH);
            }
            return new Measurement(firstRead, bytesPerMessage, wire.framesPerSubscriber(), overhead);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    /** Where the subscribers are: beside the publisher, or in an account importing the publisher's stream. */
    private enum Topology {
        ONE_ACCOUNT(ServerSettings.defaults(), CONNECT, CONNECT),
        STREAM_IMPORT(ServerSettings.defaults().toBuilder().accounts(AccountsSettings.none().withAccounts(List.of(
                new AccountSettings("E", null, List.of(user("e")),
                        List.of(new ExportSettings(ExportKind.STREAM, "foo.>", List.of(), null, null, null, 0, false)),
                        List.of(), null, List.of(), AccountLimitSettings.unlimited(), null),
                new AccountSettings("I", null, List.of(user("i")), List.of(),
                        List.of(new ImportSettings(ExportKind.STREAM, "E", "foo.>", null, null, false, false)),
                        null, List.of(), AccountLimitSettings.unlimited(), null)))).build(),
                login("e"), login("i")),
        /**
         * The system account running, its client subscribed, and a user of it on {@code $SYS.>}: the clients'
         * connections raise events, the messages they publish must not.
         */
        SYSTEM_ACCOUNT(ServerSettings.defaults().toBuilder().accounts(AccountsSettings.none().withAccounts(List.of(
                new AccountSettings("$SYS", null, List.of(user("sys")), List.of(), List.of(), null, List.of(),
                        AccountLimitSettings.unlimited(), null),
                new AccountSettings("P", null, List.of(user("p")), List.of(), List.of(), null, List.of(),
                        AccountLimitSettings.unlimited(), null)))).build(),
                login("p"), login("p"));

        final ServerSettings settings;
        final String publisherConnect;
        final String subscriberConnect;

        Topology(ServerSettings settings, String publisherConnect, String subscriberConnect) {
            this.settings = settings;
            this.publisherConnect = publisherConnect;
            this.subscriberConnect = subscriberConnect;
        }

        boolean runsTheSystemAccount() {
            return this == SYSTEM_ACCOUNT;
        }

        private static UserSettings user(String name) {
            return new UserSettings(name, name, null, null, Set.of(), false);
        }

        private static String login(String name) {
            return "CONNECT {\"verbose\":false,\"user\":\"" + name + "\",\"pass\":\"" + name + "\"}\r\n";
        }
    }

    /**
     * A publisher and subscribers of {@code foo.bar} on one in-process server. Confined to the thread that made it;
     * embedded channels run their event loop on the caller.
     */
    private static final class Wire implements AutoCloseable {

        private final ServerSettings settings;
        /** A tracer that could be switched on, as the server's is; with tracing off nothing may be built for it. */
        private final RecordingTracer tracer = new RecordingTracer().enabled(false);
        private final ConnectClientService connectClient;
        /** The system account's thread, run by this one between reads; null without a system account at work. */
        private final ManualExecutor systemThread;
        /** A user of the system account subscribed to {@code $SYS.>}; null without a system account at work. */
        private final EmbeddedChannel systemSubscriber;
        private final ByteBufAllocator allocator;
        private final EmbeddedChannel publisher;
        private final EmbeddedChannel[] subscribers;
        private final long[] frames;
        /** The outbound buffers taken from the subscribers, waiting to be checked and released. */
        private final ByteBuf[] taken;
        private int takenCount;
        /** One read's worth of PUBs, built once and fed again and again; the decoder releases what it is given. */
        private final ByteBuf batch;
        private final Object[] batchRead;

        /** @param allocator the channels' allocator, or null for Netty's default, as the server uses */
        Wire(ByteBufAllocator allocator, int subscriberCount, Topology topology) throws Exception {
            this.allocator = allocator;
            this.settings = topology.settings;
            ServerContext server = new ServerContext(settings, ServerIdentity.generate(null), Runnable::run, tracer,
                    PasswordVerifier.rejectingHashes(), Runnable::run, new JacksonServerMessageEncoder());
            this.connectClient = new ConnectClientService(server);
            if (topology.runsTheSystemAccount()) {
                systemThread = new ManualExecutor();
                SystemAccountRuntime[] started = new SystemAccountRuntime[1];
                systemThread.run(() -> started[0] = SystemAccountRuntime.start(server, systemThread,
                        new ServerStatusService(server, MonitoringClock.system()), ProcessUsage.NONE,
                        new SystemRequests(server, SystemServices.NONE, () -> {
                            throw new AssertionError("no reload here");
                        })));
                assertThat(started[0]).as("the system account's runtime").isNotNull();
                systemSubscriber = connect(Topology.login("sys") + "SUB $SYS.> 1\r\n");
            } else {
                systemThread = null;
                systemSubscriber = null;
            }
            subscribers = new EmbeddedChannel[subscriberCount];
            frames = new long[subscriberCount];
            taken = new ByteBuf[subscriberCount * 4];
            for (int i = 0; i < subscriberCount; i++) {
                subscribers[i] = connect(topology.subscriberConnect + "SUB " + SUBJECT + " 1\r\n");
            }
            publisher = connect(topology.publisherConnect);
            ByteBufAllocator source = allocator == null ? ByteBufAllocator.DEFAULT : allocator;
            batch = source.directBuffer(BATCH * PUB.length);
            for (int i = 0; i < BATCH; i++) {
                batch.writeBytes(PUB);
            }
            batchRead = new Object[] {batch};
            if (systemThread != null) {
                assertThat(systemEvents()).as("events of the clients' connections on $SYS.>")
                        .contains("MSG $SYS.ACCOUNT.P.CONNECT 1 ", "MSG $SYS.ACCOUNT.P.SERVER.CONNS 1 ");
            }
        }

        /** Runs the system thread until idle and returns (and releases) what the $SYS.> subscriber got. */
        private String systemEvents() {
            systemThread.runUntilIdle();
            StringBuilder received = new StringBuilder();
            for (Object out = systemSubscriber.readOutbound(); out != null; out = systemSubscriber.readOutbound()) {
                ByteBuf buffer = (ByteBuf) out;
                received.append(buffer.toString(StandardCharsets.US_ASCII));
                buffer.release();
            }
            return received.toString();
        }

        /**
         * One read through the server and the release of what it wrote; returns the bytes this thread allocated in
         * the two measured windows around them. Checking the written bytes is left out of the windows.
         */
        long roundTrip(com.sun.management.ThreadMXBean threads) {
            long start = threads.getCurrentThreadAllocatedBytes();
            publishBatch();
            takeOutbound();
            long allocated = threads.getCurrentThreadAllocatedBytes() - start;
            countFrames();
            start = threads.getCurrentThreadAllocatedBytes();
            releaseTaken();
            return allocated + threads.getCurrentThreadAllocatedBytes() - start;
        }

        /** Feeds one read of {@link #BATCH} PUBs to the publisher's pipeline; read-complete ends it. */
        void publishBatch() {
            batch.retain().readerIndex(0);
            publisher.writeInbound(batchRead);
        }

        /** Takes what the server wrote to each subscriber. */
        void takeOutbound() {
            for (EmbeddedChannel subscriber : subscribers) {
                for (Object out = subscriber.readOutbound(); out != null; out = subscriber.readOutbound()) {
                    taken[takenCount++] = (ByteBuf) out;
                }
            }
        }

        void checkAndReleaseOutbound() {
            countFrames();
            releaseTaken();
        }

        long[] framesPerSubscriber() {
            return frames.clone();
        }

        /** Checks every taken buffer byte for byte and counts its MSG frames, per subscriber. */
        private void countFrames() {
            int next = 0;
            for (int i = 0; i < subscribers.length; i++) {
                // One flush per read, so exactly one buffer per subscriber and read.
                ByteBuf out = taken[next++];
                frames[i] += frames(out);
            }
            if (next != takenCount) {
                fail("%d buffers written for %d subscribers in one read", takenCount, subscribers.length);
            }
        }

        private void releaseTaken() {
            for (int i = 0; i < takenCount; i++) {
                taken[i].release();
                taken[i] = null;
            }
            takenCount = 0;
        }

        private EmbeddedChannel connect(String protocol) throws Exception {
            EmbeddedChannel channel = EmbeddedChannel.builder()
                    .register(false)
                    // A clock that stands still: no keep-alive PING may fire in the middle of the measurement.
                    .ticker(Ticker.newMockTicker())
                    .handlers(new ClientConnectionHandler(connectClient, tracer,
                            new OutboundLimits(() -> settings, PendingBudget.ofDirectMemory())))
                    .build();
            if (allocator != null) {
                channel.config().setAllocator(allocator);
            }
            channel.register();
            channel.writeInbound(Unpooled.copiedBuffer(protocol, StandardCharsets.US_ASCII));
            ByteBuf info = channel.readOutbound();
            try {
                assertThat(info.toString(StandardCharsets.US_ASCII)).startsWith("INFO {").endsWith("} \r\n");
            } finally {
                info.release();
            }
            assertThat(channel.outboundMessages()).as("nothing but INFO after %s", protocol).isEmpty();
            return channel;
        }

        /** Closes every channel: nothing may be left unread in either direction, nor unreleased. */
        @Override
        public void close() {
            if (systemThread != null) {
                assertThat(systemThread.pendingTasks()).as("work the messages left for the system thread").isZero();
                assertThat(systemEvents()).as("events the messages caused").isEmpty();
                assertThat(systemSubscriber.finish()).as("the $SYS.> subscriber has unread messages").isFalse();
            }
            assertThat(tracer.lines()).as("traced with tracing off").isEmpty();
            assertThat(publisher.outboundMessages()).as("written to the publisher").isEmpty();
            for (EmbeddedChannel subscriber : subscribers) {
                assertThat(subscriber.finish()).as("a subscriber channel has unread messages").isFalse();
            }
            assertThat(publisher.finish()).as("the publisher channel has unread messages").isFalse();
            assertThat(batch.refCnt()).as("the inbound batch is held only by the test").isEqualTo(1);
            batch.release();
        }

        private static long frames(ByteBuf out) {
            int length = out.readableBytes();
            if (length % MSG.length != 0) {
                fail("%d bytes written is not a whole number of %d-byte MSG frames", length, MSG.length);
            }
            int start = out.readerIndex();
            for (int i = 0; i < length; i++) {
                if (out.getByte(start + i) != MSG[i % MSG.length]) {
                    fail("byte %d of a MSG frame differs: %s", i % MSG.length,
                            out.toString(start + i - i % MSG.length, MSG.length, StandardCharsets.US_ASCII));
                }
            }
            return length / MSG.length;
        }
    }

    private record Measurement(long firstRead, double[] bytesPerMessage, long[] framesPerSubscriber,
            long overheadPerWindow) {

        double median() {
            double[] sorted = bytesPerMessage.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        double best() {
            return Arrays.stream(bytesPerMessage).min().orElseThrow();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
