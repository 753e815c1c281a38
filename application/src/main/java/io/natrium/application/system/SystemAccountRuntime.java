package io.natrium.application.system;

import io.natrium.application.account.Account;
import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.out.DataStats;
import io.natrium.application.port.out.ProcessUsage;
import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.ServerStats;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.account.TrafficCounters;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerEvents;
import io.natrium.application.session.SystemClient;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system account running: its client opened on the system thread with nats-server's subscriptions
 * ({@code initEventTracking}), the connections' events turned on, STATSZ sent on nats-server's schedule (first
 * after 250 ms, the interval doubling up to 10 s), and the SHUTDOWN and LAMEDUCK events. Nothing runs without a
 * system account ({@code no_system_account}).
 */
public final class SystemAccountRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(SystemAccountRuntime.class);
    private static final long FIRST_STATSZ_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long STATSZ_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long SHUTDOWN_WAIT_MILLIS = 1_000;

    private final ServerContext server;
    private final SessionExecutor executor;
    private final ServerStatusQueryUseCase status;
    private final ProcessUsage process;
    private SystemClient client;
    private SystemSendQueue queue;
    private SystemEvents events;
    /** Confined to the system thread. */
    private ScheduledTask statszTimer;
    private long statszInterval = FIRST_STATSZ_NANOS;
    private volatile boolean running;

    private SystemAccountRuntime(ServerContext server, SessionExecutor executor, ServerStatusQueryUseCase status,
            ProcessUsage process) {
        this.server = server;
        this.executor = executor;
        this.status = status;
        this.process = process;
    }

    /**
     * Starts the system account's client on {@code executor}, its own thread, and returns once it has subscribed;
     * null when the server runs without a system account.
     *
     * @param process what STATSZ reports as the process's memory and CPU
     */
    public static SystemAccountRuntime start(ServerContext server, SessionExecutor executor,
            ServerStatusQueryUseCase status, ProcessUsage process, SystemRequests requests) {
        Account system = server.systemAccount();
        if (system == null) {
            return null;
        }
        SystemAccountRuntime runtime = new SystemAccountRuntime(server, executor, status, process);
        CountDownLatch started = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                runtime.open(system, requests);
            } finally {
                started.countDown();
            }
        });
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return runtime;
    }

    private void open(Account system, SystemRequests requests) {
        client = SystemClient.open(server, system, executor, server.accounts().systemClientId());
        queue = new SystemSendQueue(server, client);
        events = new SystemEvents(server, queue, executor);
        requests.subscribe(client, queue, this, events);
        server.events(events);
        running = true;
        statszTimer = executor.schedule(this::heartbeat, statszInterval, TimeUnit.NANOSECONDS);
    }

    /** The system client's id (nats-server's cid of {@code sys.client}). */
    public long clientId() {
        return client.id();
    }

    private void heartbeat() {
        if (!running) {
            return;
        }
        statszInterval = Math.min(statszInterval * 2, STATSZ_NANOS);
        statszTimer = executor.schedule(this::heartbeat, statszInterval, TimeUnit.NANOSECONDS);
        sendStatsz(statszSubject());
    }

    /** Where STATSZ is broadcast: {@code $SYS.SERVER.<id>.STATSZ}. */
    String statszSubject() {
        return "$SYS.SERVER." + server.identity().id() + ".STATSZ";
    }

    /** STATSZ on {@code subject}; on the system thread. */
    void sendStatsz(String subject) {
        ServerStats stats = stats();
        queue.publish(subject, null, header -> server.messages().serverStats(header, stats));
    }

    private ServerStats stats() {
        int subscriptions = 0;
        int active = 0;
        for (Account account : server.accounts().all()) {
            subscriptions += account.sublist().count();
            if (account.connections() > 0) {
                active++;
            }
        }
        TrafficCounters traffic = server.statistics().traffic();
        return new ServerStats(status.status().start(), process.residentBytes(),
                Runtime.getRuntime().availableProcessors(), process.cpuPercent(),
                server.clients().size(), server.statistics().totalConnections(), active, subscriptions,
                new DataStats(traffic.outMessages(), traffic.outBytes()),
                new DataStats(traffic.inMessages(), traffic.inBytes()), server.statistics().slowConsumers());
    }

    /** {@code $SYS.SERVER.<id>.LAMEDUCK}, as nats-server (2.10 on) announces lame-duck mode. */
    public void lameDuck() {
        if (running) {
            queue.offer(() -> queue.publish("$SYS.SERVER." + server.identity().id() + ".LAMEDUCK", null,
                    header -> server.messages().serverOnly(header)));
        }
    }

    /**
     * {@code $SYS.SERVER.<id>.SHUTDOWN}, sent before the clients are closed, as nats-server's
     * {@code shutdownEventing}: waits up to a second for it to be handed to the subscribers' connections. Then
     * connections report no more events.
     */
    public void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        server.events(ServerEvents.NONE);
        CountDownLatch sent = new CountDownLatch(1);
        boolean queued = queue.offer(() -> {
            try {
                if (statszTimer != null) {
                    statszTimer.cancel();
                }
                events.stop();
                queue.publish("$SYS.SERVER." + server.identity().id() + ".SHUTDOWN", null,
                        header -> server.messages().serverOnly(header));
            } finally {
                sent.countDown();
            }
        });
        queue.stop();
        try {
            if (queued && !sent.await(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.debug("The shutdown event was not sent within {} ms", SHUTDOWN_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
