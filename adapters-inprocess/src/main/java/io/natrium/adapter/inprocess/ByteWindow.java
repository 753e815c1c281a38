package io.natrium.adapter.inprocess;

import io.netty.channel.Channel;

/**
 * The bytes one side has handed to its peer and the peer has not consumed yet: what a socket's send and receive
 * buffers hold. Past the limit the writer holds its data in its own outbound buffer, where the server counts it as
 * pending exactly as it counts data a full socket refuses; it writes again once the reader has taken half of it.
 */
final class ByteWindow {

    private final long limit;
    private final Channel writer;
    /** Guarded by this. */
    private long inFlight;
    /** Guarded by this. */
    private boolean held;

    ByteWindow(long limit, Channel writer) {
        this.limit = limit;
        this.writer = writer;
    }

    /** Whether the writer may hand over more now; when not, a later {@link #consumed} flushes it again. */
    synchronized boolean tryOpen() {
        if (inFlight >= limit) {
            held = true;
            return false;
        }
        return true;
    }

    synchronized void sent(long bytes) {
        inFlight += bytes;
    }

    /** The reader took {@code bytes}; a writer held back by a full window is flushed once half of it is free. */
    void consumed(long bytes) {
        boolean resume;
        synchronized (this) {
            inFlight -= bytes;
            resume = held && inFlight <= limit / 2;
            if (resume) {
                held = false;
            }
        }
        if (resume) {
            writer.flush();
        }
    }

    synchronized long inFlight() {
        return inFlight;
    }
}
