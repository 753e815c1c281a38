package io.natrium.application.session;

import io.natrium.application.port.InboundMessage;
import io.natrium.application.session.ImportRoutes.ServiceRoute;
import io.natrium.application.session.ImportRoutes.StreamRoute;
import io.natrium.domain.account.ServiceExport;
import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;

/**
 * Carries a message published in one account into the accounts that import from it: stream imports receive it on
 * their local subject, the first service import whose subject matches forwards it as a request (reply subject
 * mapped, {@code Nats-Request-Info} added) to the exporter, and a response on a mapped reply subject goes back to the
 * importer. A message carried into an account may cross on from there, up to {@link #MAX_HOPS} times, which also
 * stops a chain of imports that leads back to where it started.
 */
final class CrossAccountDelivery {

    static final int MAX_HOPS = 8;

    /** Delivery to an account's own subscribers, by the publishing connection. */
    interface LocalDelivery {

        /** Delivers to the subscribers of {@code account}; true when someone received it. */
        boolean deliver(Account account, SubjectView subject, InboundMessage message);

        /** The publishing client's round-trip time, which a service learns from the request info. */
        long rttNanos();

        /** The publishing client as {@code ClientInfo} JSON, for shared request info and latency reports. */
        String clientInfo();

        /** What nats-server appends to the mapped reply of a tracked request: {@code .<server hash>.T}. */
        String trackingSuffix();

        long nanoTime();
    }

    private CrossAccountDelivery() {
    }

    /** True when a message published in the account may concern another account. */
    static boolean crosses(Account account) {
        return !account.importRoutes().isEmpty() || !account.responses().isEmpty();
    }

    /** Carries a message published in {@code from} to the accounts importing it; true when someone received it. */
    static boolean forward(Account from, SubjectView subject, InboundMessage message,
            LocalDelivery local) {
        return forward(from, subject.toString(), message, local, 0);
    }

    private static boolean forward(Account from, String subject, InboundMessage message,
            LocalDelivery local, int hops) {
        if (hops >= MAX_HOPS || !crosses(from)) {
            return false;
        }
        boolean delivered = false;
        if (subject.startsWith(ResponseRoutes.PREFIX)) {
            delivered = respond(from, subject, message, local, hops);
        }
        ImportRoutes routes = from.importRoutes();
        for (StreamRoute route : routes.streams()) {
            if (route.resolved().matches(subject)) {
                String localSubject = route.resolved().localSubject(subject);
                delivered |= deliverAndForward(route.importer(), localSubject, message, local, hops);
            }
        }
        for (ServiceRoute route : routes.services()) {
            if (route.resolved().matches(subject)) {
                delivered |= request(from, route, subject, message, local, hops);
                break;
            }
        }
        return delivered;
    }

    private static boolean respond(Account exporter, String subject, InboundMessage message,
            LocalDelivery local, int hops) {
        ResponseRoutes.Pending route = exporter.responses().take(subject, local.nanoTime());
        if (route == null) {
            return false;
        }
        boolean delivered = deliverAndForward(route.importer(), route.reply(), message, local, hops);
        LatencyTracking tracking = route.tracking();
        if (tracking != null && tracking.claimReport()) {
            String report = tracking.report(local.clientInfo(), local.rttNanos(), local.nanoTime());
            SubjectView reportSubject = view(tracking.subject());
            local.deliver(exporter, reportSubject,
                    CopiedMessage.payload(reportSubject, report.getBytes(StandardCharsets.UTF_8)));
        }
        return delivered;
    }

    private static boolean request(Account importer, ServiceRoute route, String subject, InboundMessage message,
            LocalDelivery local, int hops) {
        Account exporter = route.exporter();
        ServiceExport export = route.resolved().export();
        String target = route.resolved().exporterSubject(subject);
        long started = local.nanoTime();
        String requestor = route.share() ? local.clientInfo() : ClientInfoJson.brief(importer.name(), local.rttNanos());
        SubjectView reply = message.reply();
        SubjectView mappedReply = reply;
        LatencyTracking tracking = null;
        if (reply.length() > 0) {
            if (LatencyTracking.sampled(export.latency(), message)) {
                tracking = new LatencyTracking(export.latency().subject(), requestor, local.rttNanos(), started);
            }
            mappedReply = view(exporter.responses().register(importer, reply.toString(), export.responseType(),
                    route.thresholdNanos(), started, tracking, local.trackingSuffix()));
        }
        SubjectView targetView = view(target);
        InboundMessage request = CopiedMessage.withHeader(message, targetView, mappedReply,
                "Nats-Request-Info: " + requestor);
        deliverAndForward(exporter, target, request, local, hops);
        if (tracking != null) {
            tracking.forwarded(local.nanoTime());
        }
        // The import itself is interest in the importer, as nats-server's internal subscription for it is: a
        // request that nobody in the exporter serves gets no "no responders" status.
        return true;
    }

    private static boolean deliverAndForward(Account account, String subject,
            InboundMessage message, LocalDelivery local, int hops) {
        boolean delivered = local.deliver(account, view(subject), message);
        return forward(account, subject, message, local, hops + 1) | delivered;
    }

    private static SubjectView view(String subject) {
        return new SubjectView().wrap(subject.getBytes(StandardCharsets.UTF_8));
    }
}
