package io.natrium.benchmarks.load;

import io.natrium.benchmarks.load.ProtocolReader.Op;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Sequential request/reply round trips, 16 B each way: a responder connection subscribed to a service subject
 * answers each request on its reply subject; the requester, subscribed to its inbox, publishes a request and reads
 * until the reply arrives. The first tenth (at most 1,000) are an unrecorded warm-up. Figures: p50, p99 and mean
 * round trip in microseconds.
 */
final class RequestReplyScenario implements Scenario {

    private static final String SERVICE = "bench.service";
    private static final String INBOX = "_INBOX.bench.";
    private static final byte[] PAYLOAD = NatsConnection.payload(16);

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
    public List<Metric> run(RunContext context, long size) throws IOException {
        context.subscriber("responder", RequestReplyScenario::respond,
                connection -> connection.subscribe(SERVICE, null, 1));
        NatsConnection requester = context.connect();
        requester.subscribe(INBOX + "*", null, 1);
        requester.roundTrip();
        int warmUp = (int) Math.min(1_000, size / 10);
        long[] nanos = new long[(int) size];
        for (int i = 0; i < warmUp + size; i++) {
            String inbox = INBOX + i;
            byte[] request = NatsConnection.pubFrame(SERVICE, inbox, PAYLOAD);
            long start = System.nanoTime();
            requester.write(request);
            requester.flush();
            awaitReply(requester, inbox);
            if (i >= warmUp) {
                nanos[i - warmUp] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return List.of(Metric.latencyMicros("p50 µs", Stats.percentile(nanos, 0.50)),
                Metric.latencyMicros("p99 µs", Stats.percentile(nanos, 0.99)),
                Metric.latencyMicros("mean µs", Stats.mean(nanos)));
    }

    private static void respond(ProtocolReader request, NatsConnection responder) throws IOException {
        String reply = request.reply();
        if (reply == null) {
            throw new LoadFailure("request without a reply subject: " + request.text());
        }
        responder.write(NatsConnection.pubFrame(reply, null, PAYLOAD));
        responder.flush();
    }

    private static void awaitReply(NatsConnection requester, String inbox) throws IOException {
        while (true) {
            Op op = requester.read();
            if (op == Op.MSG && requester.reader().subject().equals(inbox)) {
                return;
            }
            if (op != Op.INFO && op != Op.OK) {
                throw new LoadFailure("waiting for the reply on " + inbox + ", got " + requester.reader().text());
            }
        }
    }
}
