package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Sequential request/reply round trips, 16 B each way: a responder connection subscribed to a service subject
 * answers each request on its reply subject; the requester, subscribed to {@code _INBOX.bench.*}, publishes request
 * {@code i} with the reply subject {@code _INBOX.bench.<i>} and waits for the reply, which must come on exactly that
 * subject. The first tenth (at most 1,000) are an unrecorded warm-up. Nothing is allocated per round trip: the request
 * is a template whose number is rewritten in place, the reply is assembled in a reused array. Figures: p50, p99 and
 * p99.9 of the round trip in microseconds, from a {@link LatencyHistogram}.
 */
final class RequestReplyScenario implements Scenario {

    static final String SERVICE = "bench.service";
    static final String INBOX = "_INBOX.bench.";
    private static final int DIGITS = 8;
    private static final byte[] PAYLOAD = PublishStream.payload(0, 16);

    private final long requests;

    RequestReplyScenario(long requests) {
        this.requests = requests;
    }

    @Override
    public String id() {
        return "reqreply";
    }

    @Override
    public String title() {
        return "request/reply, 16 B";
    }

    @Override
    public long size() {
        return requests;
    }

    @Override
    public String unit() {
        return "request";
    }

    @Override
    public List<Metric> run(IoLoop loop, long size) throws IOException {
        Responder responder = new Responder();
        Connection service = loop.connect("responder", new FrameScanner().listener(responder));
        responder.out = service::send;
        service.send(("SUB " + SERVICE + " 1\r\n").getBytes(US_ASCII));
        Requester requester = new Requester();
        Connection client = loop.connect("requester", new FrameScanner().listener(requester));
        client.send(("SUB " + INBOX + "* 1\r\n").getBytes(US_ASCII));
        loop.sync(List.of(service, client));

        List<Metric> latencies = latencies(size, requester, i -> {
            client.send(requester.request);
            loop.runUntil(requester, "the reply to request " + i);
        });
        loop.sync(List.of(service, client));
        long answered = roundTrips(size);
        if (service.scanner().messages() != answered || client.scanner().messages() != answered) {
            throw new LoadFailure("responder received " + service.scanner().messages() + " requests, requester "
                    + client.scanner().messages() + " replies, expected " + answered);
        }
        return latencies;
    }

    /** Sends the requester's current request and returns once its reply has come. */
    interface RoundTrip {
        void run(long number) throws IOException;
    }

    /** How many round trips a run of {@code size} makes: the unrecorded warm-up, then {@code size}. */
    static long roundTrips(long size) {
        return Math.min(1_000, size / 10) + size;
    }

    /** Times {@link #roundTrips} round trips, each checked, and gives p50, p99 and p99.9 of the recorded ones. */
    static List<Metric> latencies(long size, Requester requester, RoundTrip trip) throws IOException {
        long warmUp = roundTrips(size) - size;
        LatencyHistogram histogram = new LatencyHistogram();
        for (long i = 0; i < warmUp + size; i++) {
            requester.stamp(i);
            long start = System.nanoTime();
            trip.run(i);
            long nanos = System.nanoTime() - start;
            if (requester.wrong != null) {
                throw new LoadFailure(requester.wrong);
            }
            if (i >= warmUp) {
                histogram.record(nanos);
            }
        }
        return List.of(Metric.latencyMicros("p50 µs", histogram.percentile(0.50)),
                Metric.latencyMicros("p99 µs", histogram.percentile(0.99)),
                Metric.latencyMicros("p99.9 µs", histogram.percentile(0.999)));
    }

    /** Where a responder's replies are written. */
    interface ReplyOutput {
        void send(byte[] bytes, int offset, int length);
    }

    /** Answers each request on its reply subject with a 16 B payload. */
    static final class Responder implements FrameScanner.Listener {

        private static final byte[] TAIL = (" " + PAYLOAD.length + "\r\n" + new String(PAYLOAD, US_ASCII) + "\r\n")
                .getBytes(US_ASCII);
        private final byte[] reply = new byte[2048];
        ReplyOutput out;

        @Override
        public void onMessage(FrameScanner request) {
            int length = request.replyLength();
            if (length == 0) {
                return;  // the scenario fails on the missing reply
            }
            reply[0] = 'P';
            reply[1] = 'U';
            reply[2] = 'B';
            reply[3] = ' ';
            System.arraycopy(request.reply(), 0, reply, 4, length);
            System.arraycopy(TAIL, 0, reply, 4 + length, TAIL.length);
            out.send(reply, 0, 4 + length + TAIL.length);
        }
    }

    /** Holds the current request and says whether its reply has arrived (on the right subject). */
    static final class Requester implements FrameScanner.Listener, java.util.function.BooleanSupplier {

        final byte[] request;
        private final int numberAt;
        private final byte[] inbox;
        private boolean replied;
        String wrong;

        Requester() {
            String head = "PUB " + SERVICE + " " + INBOX + "0".repeat(DIGITS) + " " + PAYLOAD.length + "\r\n";
            byte[] frame = Arrays.copyOf(head.getBytes(US_ASCII), head.length() + PAYLOAD.length + 2);
            System.arraycopy(PAYLOAD, 0, frame, head.length(), PAYLOAD.length);
            frame[frame.length - 2] = '\r';
            frame[frame.length - 1] = '\n';
            request = frame;
            numberAt = head.indexOf(INBOX) + INBOX.length();
            inbox = Arrays.copyOfRange(frame, numberAt - INBOX.length(), numberAt + DIGITS);
        }

        void stamp(long number) {
            long rest = number;
            for (int i = DIGITS - 1; i >= 0; i--) {
                request[numberAt + i] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            System.arraycopy(request, numberAt, inbox, INBOX.length(), DIGITS);
            replied = false;
        }

        @Override
        public void onMessage(FrameScanner reply) {
            if (replied || !Arrays.equals(reply.subject(), 0, reply.subjectLength(), inbox, 0, inbox.length)) {
                if (wrong == null) {
                    wrong = "unexpected reply on " + new String(reply.subject(), 0, reply.subjectLength(), US_ASCII)
                            + " while waiting for " + new String(inbox, US_ASCII);
                }
            }
            replied = true;
        }

        @Override
        public boolean getAsBoolean() {
            return replied;
        }
    }
}
