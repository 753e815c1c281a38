package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * What one client connection costs the server from accept to its first PONG and its close: the handler added to the
 * pipeline, the session and its parts, INFO built and written, CONNECT parsed and applied, PING answered, and the
 * close (registry, account, closed-connection ring). Counted in bytes allocated by the connection's thread after
 * warm-up, through the real handler and services on Netty {@link EmbeddedChannel}s, so a change that makes the
 * connect path allocate more fails here.
 *
 * <p>Building the embedded channel itself is left out of the windows (a socket channel's own objects are Netty's,
 * the same for any server on it); adding the handler, registering, reading and closing are in.
 */
class ConnectAllocationBudgetTest {

    /** What jnats sends first, in one write, as most clients do. */
    private static final byte[] CONNECT_AND_PING = ("CONNECT {\"verbose\":false,\"pedantic\":false,"
            + "\"tls_required\":false,\"name\":\"budget\",\"lang\":\"java\",\"version\":\"2.25.2\",\"protocol\":1,"
            + "\"echo\":true,\"headers\":true,\"no_responders\":true}\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final String FIRST_PONG = "PONG\r\n";

    private static final int WARM_UP_CONNECTIONS = 20_000;
    private static final int ROUND_CONNECTIONS = 2_000;
    private static final int ROUNDS = 7;
    /**
     * Bytes per connection, accept to close. Measured at 5,016 (it was 9,168 before the INFO was written straight into
     * the pending buffer, the log prefix made lazy, the transform buffer made at first use, the CONNECT JSON read from
     * the line's scratch, the flush set made smaller; see docs/benchmarks.md); the margin takes JDK and Netty
     * updates, not a new structure.
     */
    private static final long BUDGET_BYTES_PER_CONNECTION = 7 * 1024;

    @Test
    void oneConnectionFromAcceptToFirstPongAndCloseStaysWithinItsBudget() throws Exception {
        long[] perConnection = ThreadAllocations.onEventLoopThread(ConnectAllocationBudgetTest::measure);

        long[] sorted = perConnection.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        System.out.printf("Connect allocation budget: bytes/connection per round %s; median %d (budget %d)%n",
                Arrays.toString(perConnection), median, BUDGET_BYTES_PER_CONNECTION);
        assertThat(sorted[0]).as("bytes per connection, best round (proof that the counter sees the work)")
                .isPositive();
        assertThat(median).as("median bytes allocated per connection, accept to first PONG and close")
                .isLessThan(BUDGET_BYTES_PER_CONNECTION);
    }

    private static long[] measure() throws Exception {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        // At paranoid the leak detector records a stack per buffer access: that would be measuring the detector.
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try {
            Server server = new Server();
            for (int i = 0; i < WARM_UP_CONNECTIONS; i++) {
                server.connectAndClose();
            }
            long overhead = ThreadAllocations.measurementOverhead();
            long[] perConnection = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long allocated = 0;
                for (int i = 0; i < ROUND_CONNECTIONS; i++) {
                    allocated += server.connectAndClose() - overhead;
                }
                perConnection[round] = allocated / ROUND_CONNECTIONS;
            }
            assertThat(server.clients()).as("clients left registered after their close").isZero();
            return perConnection;
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    /** One in-process server with default settings, driven on the calling thread. */
    private static final class Server {

        private final EmbeddedClients server = new EmbeddedClients();

        /**
         * Accepts one connection, checks it got INFO and its PONG, closes it; returns the bytes allocated in the
         * server's part of that.
         */
        long connectAndClose() throws Exception {
            EmbeddedChannel channel = server.newChannel(null);
            ByteBuf request = Unpooled.wrappedBuffer(CONNECT_AND_PING);

            long start = ThreadAllocations.allocatedBytes();
            server.accept(channel);
            int count = takeOutbound(channel, 0);
            channel.writeInbound(request);
            count = takeOutbound(channel, count);
            long allocated = ThreadAllocations.allocatedBytes() - start;
            checkAndRelease(count);

            start = ThreadAllocations.allocatedBytes();
            channel.close();
            channel.runPendingTasks();
            allocated += ThreadAllocations.allocatedBytes() - start;
            assertThat(channel.isOpen()).isFalse();
            return allocated;
        }

        /** Buffers written to the client, taken out of the channel in the measured window and checked after it. */
        private final ByteBuf[] written = new ByteBuf[8];

        private int takeOutbound(EmbeddedChannel channel, int count) {
            for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
                written[count++] = (ByteBuf) out;
            }
            return count;
        }

        /** INFO first, then (with the asynchronous INFO of protocol 1 after it) the PONG. */
        private void checkAndRelease(int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.append(written[i].toString(StandardCharsets.US_ASCII));
                written[i].release();
                written[i] = null;
            }
            assertThat(text).as("what the client got").startsWith("INFO {").contains("} \r\n" + FIRST_PONG);
        }

        int clients() {
            return server.clients();
        }
    }
}
