package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a connection reads, on an {@link EmbeddedChannel} with its clock frozen: pauses, holds, and both at once. */
class InputGateTest {

    private static final long PAUSE = TimeUnit.MILLISECONDS.toNanos(500);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final InputGate input = new InputGate(channel);
    /** Whether the channel was reading each time the held input was decoded. */
    private final List<Boolean> decodedWhileReading = new ArrayList<>();

    InputGateTest() {
        channel.freezeTime();
        input.whenResumed(() -> decodedWhileReading.add(channel.config().isAutoRead()));
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aPauseStopsReadingForItsTimeAndALaterPauseDoesNotExtendIt() {
        input.pause(PAUSE);
        assertThat(reading()).isFalse();

        input.pause(100 * PAUSE);
        advance(PAUSE - 1);
        assertThat(reading()).isFalse();
        advance(1);

        assertThat(reading()).isTrue();
    }

    @Test
    void aHoldStopsReadingUntilResumedAndTheHeldInputIsDecodedBeforeReadingAgain() {
        input.hold();
        advance(100 * PAUSE);
        assertThat(reading()).isFalse();

        input.resume();

        assertThat(decodedWhileReading).containsExactly(false);
        assertThat(reading()).isTrue();
    }

    @Test
    void aStoppedGateNeverReadsAgainWhateverEndsLater() {
        input.pause(PAUSE);
        input.hold();

        input.stop();
        advance(PAUSE);
        input.resume();
        input.pause(PAUSE);
        advance(PAUSE);

        assertThat(reading()).isFalse();
        assertThat(decodedWhileReading).as("held input is not decoded after the stop").isEmpty();
    }

    @Test
    void resumingWhatWasNotHeldDecodesNothing() {
        input.resume();
        input.hold();
        input.resume();
        input.resume();

        assertThat(decodedWhileReading).hasSize(1);
    }

    @Test
    void aPauseEndingDuringAHoldDoesNotResumeReading() {
        input.pause(PAUSE);
        input.hold();

        advance(PAUSE);
        assertThat(reading()).isFalse();

        input.resume();
        assertThat(reading()).isTrue();
    }

    @Test
    void aHoldEndingDuringAPauseDecodesButReadsOnlyWhenThePauseEnds() {
        input.hold();
        input.pause(PAUSE);

        input.resume();
        assertThat(decodedWhileReading).containsExactly(false);
        assertThat(reading()).isFalse();

        advance(PAUSE);
        assertThat(reading()).isTrue();
    }

    @Test
    void aClosedChannelIsNeitherPausedNorDecodedForAgain() {
        input.hold();
        channel.close();

        input.pause(PAUSE);
        input.resume();

        assertThat(decodedWhileReading).isEmpty();
        assertThat(channel.runScheduledPendingTasks()).as("no pause timer").isEqualTo(-1);
    }

    private boolean reading() {
        return channel.config().isAutoRead();
    }

    private void advance(long nanos) {
        channel.advanceTimeBy(nanos, TimeUnit.NANOSECONDS);
        channel.runPendingTasks();
    }
}
