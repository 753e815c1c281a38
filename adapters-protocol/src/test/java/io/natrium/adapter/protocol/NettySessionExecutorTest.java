package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ScheduledTask;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettySessionExecutorTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final NettySessionExecutor executor = new NettySessionExecutor(channel.eventLoop());
    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void runsATaskAtOnceOnTheEventLoop() {
        executor.execute(() -> ran.add("now"));

        assertThat(ran).containsExactly("now");
    }

    @Test
    void handsATaskFromAnotherThreadToTheEventLoop() throws Exception {
        DefaultEventLoop eventLoop = new DefaultEventLoop();
        try {
            CompletableFuture<Boolean> ranOnTheEventLoop = new CompletableFuture<>();
            new NettySessionExecutor(eventLoop).execute(() -> ranOnTheEventLoop.complete(eventLoop.inEventLoop()));

            assertThat(ranOnTheEventLoop.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void runsAScheduledTaskWhenItIsDueUnlessCancelled() {
        channel.freezeTime();
        executor.schedule(() -> ran.add("kept"), 2, TimeUnit.SECONDS);
        ScheduledTask cancelled = executor.schedule(() -> ran.add("cancelled"), 1, TimeUnit.SECONDS);
        cancelled.cancel();

        channel.advanceTimeBy(1999, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
        assertThat(ran).isEmpty();

        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
        assertThat(ran).containsExactly("kept");
    }

    @Test
    void runsATaskAfterEveryEventLoopOfTheGroupHasRunWhatWasQueuedBeforeIt() throws Exception {
        EventLoopGroup group = new DefaultEventLoopGroup(3);
        try {
            Queue<String> order = new ConcurrentLinkedQueue<>();
            EventLoop own = group.next();
            CompletableFuture<Boolean> ranOnItsLoop = new CompletableFuture<>();
            for (EventExecutor loop : group) {
                loop.execute(() -> order.add("queued before"));
            }

            new NettySessionExecutor(own).afterArrivedEvents(() -> {
                order.add("task");
                ranOnItsLoop.complete(own.inEventLoop());
            });

            assertThat(ranOnItsLoop.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly("queued before", "queued before", "queued before", "task");
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void aStoppedGroupStillRunsNothingAndThrowsNothing() throws Exception {
        EventLoopGroup group = new DefaultEventLoopGroup(2);
        EventLoop own = group.next();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();

        new NettySessionExecutor(own).afterArrivedEvents(() -> ran.add("task"));

        assertThat(ran).isEmpty();
    }
}
