package io.natrium.adapter.protocol;

import io.netty.util.internal.PlatformDependent;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-wide limit on data waiting to be sent to clients. That data lives in direct memory, which the JVM caps
 * ({@code -XX:MaxDirectMemorySize}, by default the maximum heap): without a limit of its own, the server would learn
 * that the cap is reached from an allocation failing in whichever client happened to append next, typically the
 * publisher feeding the clients that stopped reading. With it, running short cuts the clients with the most pending
 * data, as slow consumers, before memory runs out.
 *
 * <p>Each client's outbound holds a credit: the bytes it may hold. The first {@link #FREE_PER_CLIENT} are its own; above
 * them it takes credit from this budget and gives it back in steps of {@link #STEP}, so a client that keeps up never
 * touches the shared counter, and one that falls behind touches it once per step. When credit runs out, the client
 * that asked calls {@link #relieve}: every client gives back the credit it no longer uses, and if that is not enough,
 * the clients holding the most are closed as slow consumers until the budget is back under seven eighths.
 */
public final class PendingBudget {

    /** Bytes each client may hold without asking the budget: more than a healthy subscriber's share of a read. */
    public static final long FREE_PER_CLIENT = 64 * 1024;
    /** Clients take and give back credit in steps of this many bytes. */
    static final long STEP = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PendingBudget.class);

    private final long limit;
    private final AtomicLong charged = new AtomicLong();
    private final Set<NettyClientOutbound> clients = ConcurrentHashMap.newKeySet();

    /** @param limit the bytes all clients may hold beyond their free allowance together */
    public PendingBudget(long limit) {
        this.limit = limit;
    }

    /**
     * A quarter of the direct memory the JVM allows. The budget counts the bytes queued, and a buffer of queued data
     * holds up to twice as much memory (it grows by doubling); the other half is for what the budget does not count
     * at all: read buffers and the allocator's partly used chunks. Measured: ten stalled subscribers under a 64 MiB
     * cap ran it out with 30 MiB counted.
     */
    public static PendingBudget ofDirectMemory() {
        return new PendingBudget(PlatformDependent.maxDirectMemory() / 4);
    }

    /** No limit beyond each client's {@code max_pending}. */
    public static PendingBudget unlimited() {
        return new PendingBudget(Long.MAX_VALUE);
    }

    public long limit() {
        return limit;
    }

    /** The credit clients hold beyond their free allowance. */
    public long charged() {
        return charged.get();
    }

    /** Takes {@code bytes} of credit; false, taking nothing, when that would pass the limit. */
    boolean tryCharge(long bytes) {
        for (long now = charged.get(); ; now = charged.get()) {
            if (now + bytes > limit) {
                return false;
            }
            if (charged.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        charged.addAndGet(-bytes);
    }

    void register(NettyClientOutbound client) {
        clients.add(client);
    }

    void unregister(NettyClientOutbound client) {
        clients.remove(client);
    }

    /**
     * Makes room for a client that needs about {@code wanted} bytes more credit than the budget has left: first by
     * having every client give back what it no longer uses, then by closing the clients that hold the most as slow
     * consumers. Called holding no outbound lock.
     */
    void relieve(long wanted) {
        int cut = cutLargest(wanted);
        if (cut > 0) {
            // Logged outside the monitor: logging takes locks of its own.
            LOG.warn("Pending data of all clients reached the limit of {} bytes: closed the {} client(s) with the "
                    + "most as slow consumers", limit, cut);
        }
    }

    /**
     * Settles every client's credit, then cuts the largest until the budget is under seven eighths; returns how many
     * it cut. Takes each client's lock in turn, one at a time, under this budget's monitor, so that one relief runs
     * at a time and the others find the room it made.
     */
    private synchronized int cutLargest(long wanted) {
        if (charged.get() + wanted <= limit) {
            return 0;
        }
        NettyClientOutbound[] all = clients.toArray(new NettyClientOutbound[0]);
        long[] held = new long[all.length];
        Integer[] largestFirst = new Integer[all.length];
        for (int i = 0; i < all.length; i++) {
            held[i] = all[i].settleCredit();
            largestFirst[i] = i;
        }
        long target = limit - limit / 8 - wanted;
        if (charged.get() <= target) {
            return 0;
        }
        Arrays.sort(largestFirst, Comparator.comparingLong(i -> -held[i]));
        int cut = 0;
        for (int i : largestFirst) {
            if (charged.get() <= target || held[i] <= FREE_PER_CLIENT) {
                break;
            }
            if (all[i].cutForMemory()) {
                cut++;
            }
        }
        return cut;
    }
}
