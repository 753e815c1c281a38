package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ConnectClientUseCase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A {@link ClientConnectionHandler} in an {@link EmbeddedChannel}, driving a {@link RecordingSession}: input goes in
 * chunk by chunk, one read per chunk, through the real {@code CarriedInput}. Chunks alternate
 * between pooled and unpooled, heap and direct buffers; every buffer the test or the channel allocates is tracked,
 * so {@link #close()} can prove that all of them were released.
 */
final class ProtocolChannel implements AutoCloseable {

    private final TrackingAllocator pooled = new TrackingAllocator(PooledByteBufAllocator.DEFAULT);
    private final TrackingAllocator unpooled = new TrackingAllocator(UnpooledByteBufAllocator.DEFAULT);
    private final EmbeddedChannel channel;
    private NettyClientOutbound outbound;
    private int reads;

    ProtocolChannel(RecordingSession session) {
        ConnectClientUseCase connect = (command, clientOutbound) -> {
            outbound = (NettyClientOutbound) clientOutbound;
            return session;
        };
        // Registered but not yet active, so the cumulation and the outbound use the tracking allocator.
        this.channel = new EmbeddedChannel(false, false);
        channel.config().setAllocator(pooled);
        channel.pipeline().addLast(new ClientConnectionHandler(connect, session.tracer(),
                FixedLimits.of(Long.MAX_VALUE, 0)));
        try {
            channel.register();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one run recorded: the session calls, and the subjects it was asked to check. */
    record Recording(List<String> calls, List<String> subjectChecks) {
    }

    /**
     * Feeds {@code input} whole, one byte at a time, and in random splits for seeds {@code 0..seeds-1}, each into a
     * fresh channel and session; returns each recording under the name of the way it was fed.
     */
    static Map<String, Recording> recordAllWays(Supplier<RecordingSession> sessions, byte[] input, int seeds) {
        Map<String, Recording> recordings = new LinkedHashMap<>();
        recordings.put("whole", record(sessions.get(), List.of(input)));
        recordings.put("byte by byte", record(sessions.get(), chunks(input, 1)));
        for (int seed = 0; seed < seeds; seed++) {
            List<byte[]> chunks = randomChunks(input, new Random(seed));
            recordings.put("random splits, seed " + seed, record(sessions.get(), chunks));
        }
        return recordings;
    }

    /** Runs one fresh channel over the chunks and closes it. */
    static Recording record(RecordingSession session, List<byte[]> chunks) {
        try (ProtocolChannel channel = new ProtocolChannel(session)) {
            chunks.forEach(channel::feed);
        }
        return new Recording(List.copyOf(session.calls()), List.copyOf(session.subjectChecks()));
    }

    /** Splits into pieces of {@code size} bytes (the last one shorter). */
    static List<byte[]> chunks(byte[] input, int size) {
        List<byte[]> chunks = new ArrayList<>();
        for (int start = 0; start < input.length; start += size) {
            chunks.add(Arrays.copyOfRange(input, start, Math.min(input.length, start + size)));
        }
        return chunks;
    }

    /** Splits at random points: mostly short pieces, so that every boundary gets hit, and some longer ones. */
    static List<byte[]> randomChunks(byte[] input, Random random) {
        List<byte[]> chunks = new ArrayList<>();
        for (int start = 0; start < input.length; ) {
            int end = Math.min(input.length, start + 1 + random.nextInt(random.nextInt(4) == 0 ? 64 : 5));
            chunks.add(Arrays.copyOfRange(input, start, end));
            start = end;
        }
        return chunks;
    }

    EmbeddedChannel channel() {
        return channel;
    }

    NettyClientOutbound outbound() {
        return outbound;
    }

    /** One read of {@code bytes}; successive reads rotate through pooled and unpooled, heap and direct buffers. */
    void feed(byte[] bytes) {
        int kind = reads++ % 4;
        TrackingAllocator allocator = kind < 2 ? pooled : unpooled;
        ByteBuf buffer = kind % 2 == 0 ? allocator.heapBuffer(bytes.length) : allocator.directBuffer(bytes.length);
        channel.writeInbound(buffer.writeBytes(bytes));
    }

    void feed(String text) {
        feed(ProtocolText.bytes(text));
    }

    /**
     * Closes the channel, checks that every buffer was released, and returns the reason the outbound was closed
     * with: the handler gives one when an exception reaches it, the recording session never does.
     */
    CloseReason finish() {
        channel.finishAndReleaseAll();
        assertThat(pooled.unreleased()).as("unreleased pooled buffers").isEmpty();
        assertThat(unpooled.unreleased()).as("unreleased unpooled buffers").isEmpty();
        return outbound.closeReason();
    }

    /** Finishes and checks that the run was clean: no exception reached the handler. */
    @Override
    public void close() {
        assertThat(finish()).as("the handler closed the connection after an exception").isNull();
    }
}
