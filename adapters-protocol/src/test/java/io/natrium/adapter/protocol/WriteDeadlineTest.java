package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.netty.channel.embedded.EmbeddedChannel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stall detection alone, on an {@link EmbeddedChannel} with its clock frozen: the socket's state is told to it as the
 * outbound tells it, and a deadline passed is counted instead of closing anything. The same through the outbound,
 * with real unwritable sockets, is in {@link NettyClientOutboundTest}.
 */
class WriteDeadlineTest {

    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(10);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicReference<ServerSettings> settings = new AtomicReference<>(withDeadline(DEADLINE));
    private final AtomicInteger passed = new AtomicInteger();
    private final WriteDeadline deadline;

    WriteDeadlineTest() {
        channel.freezeTime();
        deadline = new WriteDeadline(channel, new OutboundLimits(settings::get, PendingBudget.unlimited()),
                passed::incrementAndGet);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void passesOnceWhenTheSocketStaysBlockedForTheWholeDeadline() {
        deadline.socketBlocked();

        advance(DEADLINE - 1);
        assertThat(passed).hasValue(0);

        advance(1);
        assertThat(passed).hasValue(1);

        advance(10 * DEADLINE);
        assertThat(passed).as("one check, not re-armed once passed").hasValue(1);
    }

    @Test
    void aSocketThatDrainsInTimeIsNeverReported() {
        deadline.socketBlocked();
        advance(DEADLINE / 2);
        deadline.socketDrained();

        advance(10 * DEADLINE);
        deadline.checkAtWrite();

        assertThat(passed).hasValue(0);
        assertThat(nextTask()).as("no check left due").isEqualTo(-1);
    }

    @Test
    void theClockCountsFromTheLastTimeTheSocketStoppedTakingWrites() {
        deadline.socketBlocked();
        advance(DEADLINE / 2);
        deadline.socketDrained();
        advance(DEADLINE / 10);
        deadline.socketBlocked();

        advance(DEADLINE / 10 * 4);
        assertThat(passed).as("the first check finds the socket blocked for 4/10 and waits on").hasValue(0);

        advance(DEADLINE / 10 * 6 - 1);
        assertThat(passed).hasValue(0);
        advance(1);
        assertThat(passed).hasValue(1);
    }

    @Test
    void blockedAgainWhileACheckIsDueArmsNoSecondCheck() {
        deadline.socketBlocked();
        long first = nextTask();
        advance(DEADLINE / 4);
        deadline.socketDrained();
        deadline.socketBlocked();

        assertThat(nextTask()).as("nanoseconds to the one check").isEqualTo(first - DEADLINE / 4);

        advance(DEADLINE);
        assertThat(passed).as("reported by the one check").hasValue(1);
    }

    @Test
    void theCheckAtAWriteAppliesTheDeadlineAsItIsNow() {
        settings.set(withDeadline(10 * DEADLINE));
        deadline.socketBlocked();
        advance(DEADLINE);

        deadline.checkAtWrite();
        assertThat(passed).hasValue(0);

        settings.set(withDeadline(DEADLINE));
        deadline.checkAtWrite();
        assertThat(passed).hasValue(1);
    }

    @Test
    void theCheckAtAWriteWhileTheSocketTakesWritesReportsNothing() {
        advance(10 * DEADLINE);

        deadline.checkAtWrite();

        assertThat(passed).hasValue(0);
    }

    @Test
    void withoutADeadlineNothingIsArmedOrReported() {
        settings.set(withDeadline(0));
        deadline.socketBlocked();
        advance(100 * DEADLINE);
        deadline.checkAtWrite();

        assertThat(passed).hasValue(0);
        assertThat(nextTask()).isEqualTo(-1);
    }

    @Test
    void stoppingCancelsTheCheckThatIsDue() {
        deadline.socketBlocked();

        deadline.stop();
        advance(10 * DEADLINE);
        deadline.checkAtWrite();

        assertThat(passed).hasValue(0);
        assertThat(nextTask()).isEqualTo(-1);
    }

    private void advance(long nanos) {
        channel.advanceTimeBy(nanos, TimeUnit.NANOSECONDS);
        channel.runPendingTasks();
    }

    /** Nanoseconds until the next scheduled task, -1 when none is scheduled. */
    private long nextTask() {
        return channel.runScheduledPendingTasks();
    }

    private static ServerSettings withDeadline(long nanos) {
        return ServerSettings.builder().writeDeadline(Duration.ofNanos(nanos)).build();
    }
}
