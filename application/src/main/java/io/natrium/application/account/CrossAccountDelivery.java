package io.natrium.application.account;

import io.natrium.application.account.ImportRoutes.ServiceRoute;
import io.natrium.application.account.ImportRoutes.StreamRoute;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.port.out.ServerMessageEncoder;
import io.natrium.application.port.out.ServiceLatencyReport;
import io.natrium.domain.account.ServiceExport;
import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.subject.Utf8;
import io.natrium.domain.sublist.SublistResult;
import io.natrium.domain.transform.SubjectMappings;
import io.natrium.domain.transform.TransformBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Carries a message published in one account into the accounts that import from it: stream imports receive it on
 * their local subject, the first service import whose subject matches forwards it as a request (reply subject
 * mapped, {@code Nats-Request-Info} added) to the exporter, and a response on a mapped reply subject goes back to the
 * importer. A message carried into an account may cross on from there, up to {@link #MAX_HOPS} times, which also
 * stops a chain of imports that leads back to where it started.
 */
public final class CrossAccountDelivery {

    public static final int MAX_HOPS = 8;
    private static final byte[] REPLY_PREFIX = ResponseRoutes.PREFIX.getBytes(StandardCharsets.US_ASCII);

    /** Delivery to an account's own subscribers, by the publishing connection. */
    public interface LocalDelivery {

        /** Delivers to the subscribers of {@code account}; true when someone received it. */
        boolean deliver(Account account, SubjectView subject, InboundMessage message);

        /**
         * Delivers what came through the stream import {@code via} to the subscribers of its importer, counted on
         * their shadows for it.
         */
        boolean deliverImported(Account importer, SubjectView subject, InboundMessage message,
                StreamImportSource via);

        /** The publishing client's round-trip time, which a service learns from the request info. */
        long rttNanos();

        /** The publishing client, for shared request info and latency reports. */
        ClientInfo clientInfo();

        /** Writes the request info and latency reports. */
        ServerMessageEncoder messages();

        /** What nats-server appends to the mapped reply of a tracked request: {@code .<server hash>.T}. */
        String trackingSuffix();

        long nanoTime();

        /** Runs deliveries later, on the publishing client's thread, flushed as a read's are. */
        void later(long delayNanos, Runnable deliveries);

        /** A buffer for the subject a message takes at that hop, reused from message to message. */
        TransformBuffer buffer(int hop);
    }

    private CrossAccountDelivery() {
    }

    /** True when a message published in the account may concern another account. */
    public static boolean crosses(Account account) {
        return !account.importRoutes().isEmpty() || !account.responses().isEmpty();
    }

    /** Carries a message published in {@code from} to the accounts importing it; true when someone received it. */
    public static boolean forward(Account from, SubjectView subject, InboundMessage message, LocalDelivery local) {
        return forward(from, subject, message, local, 0);
    }

    private static boolean forward(Account from, SubjectView subject, InboundMessage message, LocalDelivery local,
            int hops) {
        if (hops >= MAX_HOPS || !crosses(from)) {
            return false;
        }
        boolean delivered = false;
        if (isMappedReply(subject)) {
            delivered = respond(from, subject.toString(), message, local, hops);
        }
        ImportRoutes routes = from.importRoutes();
        if (routes.isEmpty() || !routes.mayRoute(subject)) {
            return delivered;
        }
        SublistResult<StreamRoute> streams = routes.streams().match(subject);
        for (int i = 0, n = streams.plainCount(); i < n; i++) {
            StreamRoute route = streams.plain(i);
            TransformBuffer buffer = local.buffer(hops);
            route.resolved().toImporter().applyMatched(subject, buffer);
            boolean received = local.deliverImported(route.importer(), buffer.subject(), message, route.source());
            delivered |= forward(route.importer(), buffer.subject(), message, local, hops + 1) | received;
        }
        SublistResult<ServiceRoute> services = routes.services().match(subject);
        if (services.plainCount() > 0) {
            delivered |= request(from, services.plain(0), subject.toString(), message, local, hops);
        }
        return delivered;
    }

    private static boolean isMappedReply(SubjectView subject) {
        int length = REPLY_PREFIX.length;
        if (subject.length() <= length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (subject.byteAt(i) != REPLY_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean respond(Account exporter, String subject, InboundMessage message,
            LocalDelivery local, int hops) {
        ResponseRoutes.Pending route = exporter.responses().take(subject, local.nanoTime());
        if (route == null) {
            return false;
        }
        exporter.importSubscriptions().responses(exporter.responses().replyPrefix()).countCrossing();
        boolean delivered = deliverAndForward(route.importer(), view(route.reply()), CopiedMessage.crossedBack(message),
                local, hops);
        LatencyTracking tracking = route.tracking();
        if (tracking != null && tracking.claimReport()) {
            report(exporter, tracking, tracking.report(local.clientInfo(), local.nanoTime()), local);
        }
        return delivered;
    }

    /** A request arriving in the exporter goes through the exporter's mappings, as a message published there would. */
    private static String mappedIn(Account exporter, String subject, TransformBuffer buffer) {
        SubjectMappings mappings = exporter.mappings();
        if (mappings.isEmpty() || !mappings.map(view(subject), buffer)) {
            return subject;
        }
        return buffer.subject().toString();
    }

    /** Publishes a latency report in the exporting account, on the export's latency subject. */
    private static void report(Account exporter, LatencyTracking tracking, ServiceLatencyReport report,
            LocalDelivery local) {
        SubjectView subject = view(tracking.subject());
        local.deliver(exporter, subject, CopiedMessage.payload(subject, local.messages().serviceLatency(report)));
    }

    private static boolean request(Account importer, ServiceRoute route, String subject, InboundMessage message,
            LocalDelivery local, int hops) {
        Account exporter = route.exporter();
        ServiceExport export = route.resolved().export();
        String target = mappedIn(exporter, route.resolved().exporterSubject(subject), local.buffer(hops));
        long started = local.nanoTime();
        ClientInfo requestor = route.share() ? local.clientInfo() : ClientInfo.brief(importer.name(), local.rttNanos());
        SubjectView reply = message.reply();
        SubjectView mappedReply = reply;
        LatencySampling.Sample sample = LatencySampling.decide(export.latency(), message);
        LatencyTracking tracking = sample == null ? null : new LatencyTracking(export.latency().subject(), requestor,
                local.rttNanos(), sample.header(), started);
        route.subscription().countCrossing();
        String mapped = null;
        if (reply.length() > 0) {
            exporter.importSubscriptions().responses(exporter.responses().replyPrefix());
            mapped = exporter.responses().register(importer, reply.toString(), export.responseType(),
                    route.thresholdNanos(), started, tracking, local.trackingSuffix(), route.share(),
                    export.latency());
            mappedReply = view(mapped);
        } else if (tracking != null) {
            report(exporter, tracking, tracking.failure(400, "Bad Request"), local);
        }
        SubjectView targetView = view(target);
        InboundMessage request = CopiedMessage.withHeader(message, targetView, mappedReply,
                "Nats-Request-Info: " + local.messages().clientInfo(requestor));
        boolean delivered = deliverAndForward(exporter, targetView, request, local, hops);
        // As nats-server's processServiceImport, a request that reached nobody waits for no response.
        boolean dropped = !delivered && mapped != null && exporter.responses().remove(mapped);
        if (tracking != null && mapped != null) {
            tracking.forwarded(local.nanoTime());
            if (!delivered) {
                if (dropped && tracking.claimReport()) {
                    report(exporter, tracking, tracking.failure(503, "Service Unavailable"), local);
                }
            } else {
                LatencyTracking measured = tracking;
                String pending = mapped;
                local.later(route.thresholdNanos(), () -> {
                    if (exporter.responses().remove(pending) && measured.claimReport()) {
                        report(exporter, measured, measured.failure(504, "Service Timeout"), local);
                    }
                });
            }
        }
        // The import itself is interest in the importer, as nats-server's internal subscription for it is: a
        // request that nobody in the exporter serves gets no "no responders" status.
        return true;
    }

    private static boolean deliverAndForward(Account account, SubjectView subject, InboundMessage message,
            LocalDelivery local, int hops) {
        boolean delivered = local.deliver(account, subject, message);
        return forward(account, subject, message, local, hops + 1) | delivered;
    }

    private static SubjectView view(String subject) {
        return new SubjectView().wrap(Utf8.encodeKeepingBytes(subject));
    }
}
