package io.natrium.application.port.out;

/** A task scheduled on a {@link SessionExecutor}. */
public interface ScheduledTask {

    void cancel();
}
