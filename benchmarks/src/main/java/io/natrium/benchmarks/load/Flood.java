package io.natrium.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The measured core of every publish/subscribe scenario: publish as fast as the socket takes it, wait until the
 * subscribers have received everything, then synchronise with the server (PING/PONG on the publisher, then on each
 * subscriber) so late or duplicate deliveries are seen, and check the counts exactly.
 */
final class Flood {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Flood() {
    }

    /**
     * Publishes {@code messages} frames (cycling through {@code frames}) and returns the nanoseconds from the first
     * write to the last delivery.
     */
    static long publishAndAwait(NatsConnection publisher, byte[][] frames, long messages,
            List<Subscriber> subscribers, Expectation expectation, Duration timeout) throws IOException {
        long start = System.nanoTime();
        publisher.write(frames, messages);
        publisher.flush();
        awaitTotal(subscribers, expectation.total(), timeout);
        long end = subscribers.stream().mapToLong(Subscriber::lastArrivalNanos).max().orElseThrow();
        publisher.roundTrip();
        for (Subscriber subscriber : subscribers) {
            subscriber.sync(timeout);
        }
        String mismatch = expectation.mismatch(received(subscribers));
        if (mismatch != null) {
            throw new LoadFailure(mismatch);
        }
        return end - start;
    }

    /** Waits until the subscribers together received {@code total}; fails when nothing arrives for {@code timeout}. */
    private static void awaitTotal(List<Subscriber> subscribers, long total, Duration timeout) throws LoadFailure {
        long seen = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            long sum = 0;
            for (Subscriber subscriber : subscribers) {
                if (subscriber.failure() != null) {
                    throw new LoadFailure("subscriber failed: " + subscriber.failure() + "; received "
                            + Arrays.toString(received(subscribers)));
                }
                sum += subscriber.received();
            }
            if (sum >= total) {
                return;
            }
            long now = System.nanoTime();
            if (sum != seen) {
                seen = sum;
                lastProgress = now;
            } else if (now - lastProgress > timeout.toNanos()) {
                throw new LoadFailure("stalled: received " + Arrays.toString(received(subscribers)) + " (sum "
                        + sum + " of " + total + "), nothing more for " + timeout.toSeconds() + " s");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static long[] received(List<Subscriber> subscribers) {
        return subscribers.stream().mapToLong(Subscriber::received).toArray();
    }
}
