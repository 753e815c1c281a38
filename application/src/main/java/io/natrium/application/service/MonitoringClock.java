package io.natrium.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Turns the monotonic clock that connections keep their times on into wall-clock instants, for monitoring. Anchored
 * once, when the server starts: every instant is that start plus elapsed monotonic time, so a connection's start
 * reads the same on every request, as in nats-server.
 */
public final class MonitoringClock {

    private final Clock wall;
    private final LongSupplier monotonic;
    private final Instant started;
    private final long startedNanos;

    /**
     * @param wall      the wall clock, for "now"
     * @param monotonic the clock connections' executors keep time on ({@link System#nanoTime()} in the server)
     */
    public MonitoringClock(Clock wall, LongSupplier monotonic) {
        this.wall = wall;
        this.monotonic = monotonic;
        this.startedNanos = monotonic.getAsLong();
        this.started = wall.instant();
    }

    /** The system clocks, anchored now: build it when the server starts. */
    public static MonitoringClock system() {
        return new MonitoringClock(Clock.systemUTC(), System::nanoTime);
    }

    /** When the server started. */
    public Instant started() {
        return started;
    }

    /** The wall-clock time now. */
    public Instant now() {
        return wall.instant();
    }

    /** The monotonic time now. */
    public long nanoTime() {
        return monotonic.getAsLong();
    }

    /** How long the server has been running. */
    public Duration uptime() {
        return Duration.ofNanos(nanoTime() - startedNanos);
    }

    /** The wall-clock instant of a monotonic time. */
    public Instant toInstant(long nanos) {
        return started.plusNanos(nanos - startedNanos);
    }
}
