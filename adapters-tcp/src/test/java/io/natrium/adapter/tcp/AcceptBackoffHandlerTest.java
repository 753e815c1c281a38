package io.natrium.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AcceptBackoffHandlerTest {

    private final EmbeddedChannel listener = new EmbeddedChannel(new AcceptBackoffHandler());

    AcceptBackoffHandlerTest() {
        listener.freezeTime();
    }

    @Test
    void pausesAcceptingWithADoublingDelayUpToOneSecond() {
        long[] expectedDelays = {10, 20, 40, 80, 160, 320, 640, 1000, 1000};
        for (long delay : expectedDelays) {
            listener.pipeline().fireExceptionCaught(new IOException("Too many open files"));
            assertThat(listener.config().isAutoRead()).isFalse();

            listener.advanceTimeBy(delay - 1, TimeUnit.MILLISECONDS);
            listener.runScheduledPendingTasks();
            assertThat(listener.config().isAutoRead()).as("still paused just before %d ms", delay).isFalse();

            listener.advanceTimeBy(1, TimeUnit.MILLISECONDS);
            listener.runScheduledPendingTasks();
            assertThat(listener.config().isAutoRead()).as("accepting again after %d ms", delay).isTrue();
        }
    }

    @Test
    void startsAgainFromTenMillisecondsAfterASuccessfulAccept() {
        listener.pipeline().fireExceptionCaught(new IOException("first"));
        listener.advanceTimeBy(10, TimeUnit.MILLISECONDS);
        listener.runScheduledPendingTasks();
        listener.pipeline().fireExceptionCaught(new IOException("second"));
        listener.advanceTimeBy(20, TimeUnit.MILLISECONDS);
        listener.runScheduledPendingTasks();

        listener.writeInbound("an accepted connection");
        listener.pipeline().fireExceptionCaught(new IOException("third"));
        listener.advanceTimeBy(10, TimeUnit.MILLISECONDS);
        listener.runScheduledPendingTasks();

        assertThat(listener.config().isAutoRead()).isTrue();
        assertThat((String) listener.readInbound()).isEqualTo("an accepted connection");
    }
}
