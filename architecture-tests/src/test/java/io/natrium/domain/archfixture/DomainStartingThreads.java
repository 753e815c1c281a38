package io.natrium.domain.archfixture;

import java.util.concurrent.ForkJoinPool;

/** Deliberately bad: the domain picking a thread pool for itself, as the sublist once swept on the common pool. */
public class DomainStartingThreads {
    public void later(Runnable task) {
        ForkJoinPool.commonPool().execute(task);
    }
}
