package io.natrium.adapter.tls;

import io.natrium.domain.text.GoDurations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client port's staple and its refresh, as nats-server 2.9.10's {@code OCSPMonitor}: the response fetched at
 * start is stapled while it is valid; on its own thread the monitor asks the responders again at half the time left
 * to the response's {@code nextUpdate} (a day without one, two minutes once it is past), logs each answer with
 * nats-server's words, staples what it got (a revoked answer too, as nats-server does), and stops checking at the
 * first status that is not good, shutting the server down when the mode says a revocation stops it.
 */
public final class OcspMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(OcspMonitor.class);
    /** nats-server's {@code defaultOCSPCheckInterval}: a response without {@code nextUpdate} is asked again a day on. */
    static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofHours(24);
    /** nats-server's {@code minOCSPCheckInterval}: the wait once {@code nextUpdate} has passed. */
    static final Duration MIN_CHECK_INTERVAL = Duration.ofMinutes(2);
    /** nats-server's kind of the client port's connections in these lines. */
    private static final String KIND = "Client";

    private final OcspStapling.Target target;
    private final OcspFetcher fetcher;
    private final Clock clock;
    private volatile OcspResponse current;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}; null until started and after stopped. */
    private ScheduledExecutorService executor;
    private boolean stopped;

    OcspMonitor(OcspStapling.Target target, OcspFetcher fetcher, Clock clock, OcspResponse first) {
        this.target = target;
        this.fetcher = fetcher;
        this.clock = clock;
        this.current = first;
    }

    /** The certificate file the staple is for, as nats-server names it in its lines. */
    public String certFile() {
        return target.certFile();
    }

    /**
     * The response to staple in a handshake starting now: the current one while it is still valid, as nats-server's
     * cache serves it; null when it has expired (nats-server would then ask the responder inside the handshake; the
     * event loop must not wait on it, so the handshake goes without a staple until the monitor has a new one).
     */
    public byte[] staple() {
        OcspResponse response = current;
        return valid(response) ? response.raw() : null;
    }

    /** The status currently stapled. */
    public OcspResponse.Status status() {
        return current.status();
    }

    /**
     * Starts checking, as nats-server's {@code startOCSPMonitoring}; {@code shutdown} runs on its own thread when a
     * revocation stops the server. Does nothing once stopped.
     */
    public void start(Runnable shutdown) {
        synchronized (lock) {
            if (stopped || executor != null) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "natrium-ocsp");
                thread.setDaemon(true);
                return thread;
            });
            LOG.info("OCSP Stapling enabled for {} connections", KIND);
            executor.execute(() -> first(shutdown));
        }
    }

    /** Stops checking (a reload or the shutdown); the staple in hand stays. */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }
    }

    /** nats-server's first step of {@code run}: the status in hand (or a new one), then the schedule. */
    private void first(Runnable shutdown) {
        OcspResponse response = current;
        if (!valid(response)) {
            response = fetchOrNull();
        }
        if (response != null && response.status() == OcspResponse.Status.GOOD) {
            Duration next = nextRun();
            LOG.info("Found OCSP status for {} certificate at '{}': good, next update {}, checking again in {}",
                    KIND, target.certFile(), nextUpdateText(response), GoDurations.format(next));
            schedule(next, shutdown);
        } else if (response != null && target.shutdownOnRevoke()) {
            LOG.error("Found OCSP status for {} certificate at '{}': {}", KIND, target.certFile(), response.status());
            shutDown(shutdown);
        } else {
            // nats-server's loop then asks again at once.
            schedule(Duration.ZERO, shutdown);
        }
    }

    /** One turn of nats-server's loop in {@code run}. */
    private void refresh(Runnable shutdown) {
        OcspResponse response;
        try {
            response = fetch();
        } catch (OcspException e) {
            Duration next = nextRun();
            LOG.error("Bad OCSP status update for certificate '{}': {}, trying again in {}", target.certFile(),
                    e.getMessage(), GoDurations.format(next));
            schedule(next, shutdown);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (response.status() == OcspResponse.Status.GOOD) {
            Duration next = nextRun();
            LOG.info("Received OCSP status for {} certificate '{}': good, next update {}, checking again in {}", KIND,
                    target.certFile(), nextUpdateText(response), GoDurations.format(next));
            schedule(next, shutdown);
            return;
        }
        LOG.error("Received OCSP status for {} certificate '{}': {}", KIND, target.certFile(), response.status());
        if (target.shutdownOnRevoke()) {
            shutDown(shutdown);
        }
    }

    /** nats-server's {@code getNextRun}: half the time to {@code nextUpdate}. */
    Duration nextRun() {
        Instant nextUpdate = current.nextUpdate();
        if (nextUpdate == null) {
            return DEFAULT_CHECK_INTERVAL;
        }
        Duration half = Duration.between(clock.instant(), nextUpdate).dividedBy(2);
        return half.isNegative() ? MIN_CHECK_INTERVAL : half;
    }

    /** nats-server's {@code getRemoteStatus}: what it gets becomes the staple, whatever the status. */
    private OcspResponse fetch() throws OcspException, InterruptedException {
        OcspResponse response = fetcher.fetch(target.leaf(), target.issuer(), target.responders());
        current = response;
        return response;
    }

    private OcspResponse fetchOrNull() {
        try {
            return fetch();
        } catch (OcspException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void schedule(Duration delay, Runnable shutdown) {
        synchronized (lock) {
            if (executor != null) {
                executor.schedule(() -> refresh(shutdown), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** The server's shutdown stops this monitor too: it runs elsewhere so the stop does not interrupt it. */
    private static void shutDown(Runnable shutdown) {
        Thread thread = new Thread(shutdown, "natrium-ocsp-shutdown");
        thread.start();
    }

    /** nats-server's {@code validOCSPResponse}. */
    private boolean valid(OcspResponse response) {
        try {
            OcspResponses.check(response, clock.instant());
            return true;
        } catch (OcspException e) {
            return false;
        }
    }

    /** Go's {@code RFC3339Nano} of a UTC time; Go prints the zero time for a missing {@code nextUpdate}. */
    private static String nextUpdateText(OcspResponse response) {
        return response.nextUpdate() == null ? "0001-01-01T00:00:00Z" : response.nextUpdate().toString();
    }
}
