package io.natrium.application.session;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.account.ServiceLatency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sampled request of a service export with latency tracking: what the report needs once the response comes
 * (nats-server's {@code io.nats.server.metric.v1.service_latency}), published in the exporting account on the
 * export's latency subject, once per request. The service time runs from the moment the request was handed to
 * the service's subscribers; the system time is what the server spent getting it there.
 */
final class LatencyTracking {

    /** Request headers that ask for tracing, when an export samples by {@code headers}. */
    private static final String[] TRACE_HEADERS = {"traceparent:", "uber-trace-id:", "x-b3-sampled: 1",
        "x-b3-traceid:", "b3:"};
    private static final int PERCENT = 100;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int ID_LENGTH = 22;

    private final String subject;
    private final String requestor;
    private final long requestorRtt;
    private final Instant start = Instant.now();
    private final long arrivedNanos;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile long forwardedNanos;

    /**
     * @param subject      where the report goes, in the exporting account
     * @param requestor    the requester as {@code ClientInfo} JSON
     * @param requestorRtt the requester's round-trip time
     * @param arrivedNanos when the request arrived, on the monotonic clock
     */
    LatencyTracking(String subject, String requestor, long requestorRtt, long arrivedNanos) {
        this.subject = subject;
        this.requestor = requestor;
        this.requestorRtt = requestorRtt;
        this.arrivedNanos = arrivedNanos;
        this.forwardedNanos = arrivedNanos;
    }

    String subject() {
        return subject;
    }

    /** The request reached the service's subscribers. */
    void forwarded(long nanos) {
        forwardedNanos = nanos;
    }

    /** True the first time only: a request is reported once, however many responses it gets. */
    boolean claimReport() {
        return reported.compareAndSet(false, true);
    }

    /** Whether this request is one the export samples. */
    static boolean sampled(ServiceLatency latency, InboundMessage request) {
        if (latency == null) {
            return false;
        }
        if (latency.headers()) {
            return asksForTracing(request);
        }
        return latency.samplingPercent() >= PERCENT
                || ThreadLocalRandom.current().nextInt(PERCENT) < latency.samplingPercent();
    }

    /** The report for the response a responder (described by {@code responder}, with its rtt) just sent. */
    String report(String responder, long responderRtt, long nowNanos) {
        long forwarded = forwardedNanos;
        long service = Math.max(0, nowNanos - forwarded);
        long system = Math.max(0, forwarded - arrivedNanos);
        long total = service + system + requestorRtt + responderRtt;
        return "{\"type\":\"io.nats.server.metric.v1.service_latency\",\"id\":" + GoJsonText.quote(newId())
                + ",\"timestamp\":" + GoJsonText.time(Instant.now()) + ",\"status\":200,\"requestor\":" + requestor
                + ",\"responder\":" + responder + ",\"start\":" + GoJsonText.time(start) + ",\"service\":" + service
                + ",\"system\":" + system + ",\"total\":" + total + "}";
    }

    private static boolean asksForTracing(InboundMessage request) {
        if (request.headerLength() == 0) {
            return false;
        }
        byte[] header = new byte[request.headerLength()];
        request.copyBody(0, header, 0, header.length);
        String text = new String(header, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        for (String trace : TRACE_HEADERS) {
            if (text.contains("\n" + trace)) {
                return true;
            }
        }
        return false;
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
