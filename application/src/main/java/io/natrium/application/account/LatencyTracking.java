package io.natrium.application.account;

import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.port.out.ServiceLatencyReport;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A measured request of a service export with latency tracking, and its report (nats-server's
 * {@code io.nats.server.metric.v1.service_latency}), published in the exporting account on the export's latency
 * subject once per request: status 200 with the responder when the response comes, 503 when nobody in the exporter
 * received the request, 504 when no response came within the export's threshold, 400 for a request without a reply
 * subject. Times follow nats-server: the request started one requester round trip before it arrived; the service
 * time is the time to the response less the responder's round trip; the total adds the requester's round trip and
 * the system time.
 */
final class LatencyTracking {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int ID_LENGTH = 22;

    private final String subject;
    private final ClientInfo requestor;
    private final long requestorRtt;
    private final Map<String, List<String>> header;
    private final Instant arrived = Instant.now();
    private final long arrivedNanos;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile long forwardedNanos;

    /**
     * @param subject      where the report goes, in the exporting account
     * @param requestor    the requester, as the request info describes it
     * @param requestorRtt the requester's round-trip time
     * @param header       the tracing headers that decided the measurement; null for none
     * @param arrivedNanos when the request arrived, on the monotonic clock
     */
    LatencyTracking(String subject, ClientInfo requestor, long requestorRtt, Map<String, List<String>> header,
            long arrivedNanos) {
        this.subject = subject;
        this.requestor = requestor;
        this.requestorRtt = requestorRtt;
        this.header = header;
        this.arrivedNanos = arrivedNanos;
        this.forwardedNanos = arrivedNanos;
    }

    String subject() {
        return subject;
    }

    /** The tracing headers that decided the measurement, by canonical key; null when chance did. */
    Map<String, List<String>> header() {
        return header;
    }

    /** The request reached the service's subscribers. */
    void forwarded(long nanos) {
        forwardedNanos = nanos;
    }

    /** True the first time only: a request is reported once, however many responses it gets. */
    boolean claimReport() {
        return reported.compareAndSet(false, true);
    }

    /** The report for the response a responder just sent. */
    ServiceLatencyReport report(ClientInfo responder, long nowNanos) {
        long forwarded = forwardedNanos;
        long serviceRtt = Math.max(0, nowNanos - arrivedNanos);
        long responderRtt = responder.rttNanos();
        long system = responderRtt > 0 ? Math.max(0, forwarded - arrivedNanos) : 0;
        long service = Math.max(0, serviceRtt - responderRtt);
        long total = requestorRtt + serviceRtt + system;
        return report(200, null, responder, service, system, total);
    }

    /** A report without a response: 400 Bad Request, 503 Service Unavailable or 504 Service Timeout. */
    ServiceLatencyReport failure(int status, String description) {
        return report(status, description, null, 0, 0, 0);
    }

    private ServiceLatencyReport report(int status, String description, ClientInfo responder, long service,
            long system, long total) {
        return new ServiceLatencyReport(newId(), Instant.now(), status, description, requestor, responder, header,
                arrived.minusNanos(requestorRtt), service, system, total);
    }

    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
