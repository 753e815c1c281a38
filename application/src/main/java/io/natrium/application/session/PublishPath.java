package io.natrium.application.session;

import io.natrium.application.account.Account;
import io.natrium.application.account.ClientSubscription;
import io.natrium.application.account.CrossAccountDelivery;
import io.natrium.application.account.DeliveryProfile;
import io.natrium.application.account.DeliveryTarget;
import io.natrium.application.account.StreamImportSource;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.HotPath;
import io.natrium.domain.permission.ClientPermissions;
import io.natrium.domain.permission.PermissionViolation;
import io.natrium.domain.permission.ReservedSubjects;
import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.sublist.MatchCache;
import io.natrium.domain.sublist.SublistResult;
import io.natrium.domain.text.GoStrings;
import io.natrium.domain.transform.SubjectMappings;
import io.natrium.domain.transform.TransformBuffer;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PUB from this connection does (design §5): mapping, publish permission, match through the connection's
 * cache, delivery to each plain subscriber and one member of each queue group, imports into other accounts, and
 * no-responders. Deliveries are queued in the subscribers' outbounds and flushed once per read. Runs on the
 * publishing connection's thread; of a subscriber it touches only its {@link DeliveryTarget}.
 */
@HotPath
final class PublishPath {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final long SLOW_DOWN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ClientConnection connection;
    private final ClientOptions options;
    private final ClientOutbound outbound;
    private final SessionExecutor executor;
    private final ProtocolTracer tracer;
    private final ConnectionCounters counters;
    private final FlushSet flushSet = new FlushSet();
    /** Made at the first mapped subject: most accounts have no mappings, and it is some 550 bytes. */
    private TransformBuffer transformBuffer;
    private final CrossAccountDelivery.LocalDelivery crossing;
    private MatchCache<ClientSubscription> matchCache;
    private boolean slowDownRequested;

    PublishPath(ClientConnection connection, ClientOutbound outbound, SessionExecutor executor,
            ProtocolTracer tracer, ConnectionCounters counters, Account account) {
        this.connection = connection;
        this.options = connection.options();
        this.outbound = outbound;
        this.executor = executor;
        this.tracer = tracer;
        this.counters = counters;
        this.matchCache = new MatchCache<>(account.sublist());
        this.crossing = new Crossing(connection, this, executor);
    }

    /** The connection moved to another account: matches go to that account's subject space. */
    void accountChanged(Account home) {
        matchCache = new MatchCache<>(home.sublist());
    }

    void publish(InboundMessage message, Account account, DeliveryTarget self) {
        counters.inbound(message.bodyLength(), executor);
        SubjectView subject = mapped(message.subject(), account);
        ClientPermissions allowed = self.profile().permissions();
        if (allowed != null && !allowed.canPublish(subject, executor.nanoTime())) {
            String text = subject.toString();
            queueError(PermissionViolation.publish(text));
            LOG.error("{} - Publish Violation - {}, Subject {}", connection, connection.authUserForLog(),
                    GoStrings.quote(text));
            return;
        }
        if (message.reply().length() > 0 && ReservedSubjects.isReservedReply(message.reply())) {
            String reply = message.reply().toString();
            queueError(PermissionViolation.publishWithReply(reply));
            LOG.error("{} - Publish Violation - {}, Reply {}", connection, connection.authUserForLog(),
                    GoStrings.quote(reply));
            return;
        }
        if (options.verbose) {
            queueOk();
        }
        if (subject.length() == 0) {
            return;
        }
        SublistResult<ClientSubscription> result = matchCache.match(subject);
        boolean delivered = !result.isEmpty() && deliverToAll(result, subject, message, self);
        if (CrossAccountDelivery.crosses(account)) {
            delivered |= CrossAccountDelivery.forward(account, subject, message, crossing);
        }
        if (!delivered && options.noResponders && message.reply().length() > 0) {
            answerNoResponders(subject, message, account, self);
        }
    }

    /**
     * The subject after the account's mappings, which nats-server applies before anything else looks at it
     * (permissions included). The result lives in this connection's buffer until the next message.
     */
    private SubjectView mapped(SubjectView subject, Account account) {
        SubjectMappings mappings = account.mappings();
        if (mappings.isEmpty() || !mappings.map(subject, transformBuffer())) {
            return subject;
        }
        SubjectView result = transformBuffer.subject();
        if (tracer.enabled()) {
            tracer.trace(connection, "<<- [MAPPING " + subject + " -> " + result + "]");
        }
        return result;
    }

    private TransformBuffer transformBuffer() {
        if (transformBuffer == null) {
            transformBuffer = new TransformBuffer();
        }
        return transformBuffer;
    }

    boolean deliverToAll(SublistResult<ClientSubscription> result, SubjectView subject, InboundMessage message,
            DeliveryTarget self) {
        return deliverToAll(result, subject, message, self, null);
    }

    /** As above, for what came through the stream import {@code via} (null for none), counted on the shadows. */
    boolean deliverToAll(SublistResult<ClientSubscription> result, SubjectView subject, InboundMessage message,
            DeliveryTarget self, StreamImportSource via) {
        boolean delivered = false;
        for (int i = 0, n = result.plainCount(); i < n; i++) {
            delivered |= deliverTo(result.plain(i), subject, message, self, via);
        }
        for (int group = 0, groups = result.queueGroupCount(); group < groups; group++) {
            int size = result.queueGroupSize(group);
            int start = size > 1 ? ThreadLocalRandom.current().nextInt(size) : 0;
            for (int i = 0; i < size; i++) {
                if (deliverTo(result.queueMember(group, (start + i) % size), subject, message, self, via)) {
                    delivered = true;
                    break;
                }
            }
        }
        return delivered;
    }

    private boolean deliverTo(ClientSubscription subscription, SubjectView subject, InboundMessage message,
            DeliveryTarget self, StreamImportSource via) {
        DeliveryTarget subscriber = subscription.target();
        if (subscriber == self && !options.echo || subscription.isClosed()) {
            return false;
        }
        DeliveryProfile profile = subscriber.profile();
        ClientPermissions subscriberPermissions = profile.permissions();
        if (subscriberPermissions != null
                && subscriberPermissions.deliveryDenied(subject, subscription.queue())) {
            return false;
        }
        boolean headers = profile.headers();
        ClientOutbound target = subscriber.outbound();
        DeliveryOutcome outcome = target.deliver(subject, subscription.sidBytes(), message.reply(), message, headers,
                via == null ? subscription : subscription.countFor(via));
        if (outcome == DeliveryOutcome.DROPPED) {
            return false;
        }
        if (outcome == DeliveryOutcome.OVER_LIMIT) {
            subscriber.expire(subscription);
            return false;
        }
        subscriber.delivered(counters.batchClockNanos());
        // Server-wide, nats-server counts the whole message (headers too) for every delivery, even where the
        // subscriber's copy had its headers stripped; the subscriber's outbound counts what it received.
        counters.outbound(message.bodyLength());
        flushSet.add(target);
        if (subscriberPermissions != null) {
            subscriberPermissions.trackReply(message.reply(), subscriber.nanoTime());
        }
        if (outcome == DeliveryOutcome.DELIVERED_SLOW_DOWN) {
            slowDownRequested = true;
        }
        long max = subscription.max();
        if (max > 0 && subscription.delivered() >= max) {
            // The limit's last message; expiring twice (another publisher's may have passed it) is harmless.
            subscriber.expire(subscription);
        }
        return true;
    }

    private void answerNoResponders(SubjectView subject, InboundMessage message, Account account,
            DeliveryTarget self) {
        SublistResult<ClientSubscription> replyMatches = account.sublist().matchWithoutCaching(message.reply());
        for (int i = 0, n = replyMatches.plainCount(); i < n; i++) {
            ClientSubscription subscription = replyMatches.plain(i);
            if (subscription.target() == self) {
                outbound.sendNoResponders(message.reply(), subscription.sidBytes(), subject);
                flushSet.add(outbound);
                return;
            }
        }
    }

    /** Queues {@code +OK} for this client, flushed with the read's deliveries. */
    void queueOk() {
        outbound.sendOk();
        flushSet.add(outbound);
    }

    /** Queues {@code -ERR} for this client, flushed with the read's deliveries. */
    void queueError(String text) {
        outbound.sendError(text);
        flushSet.add(outbound);
    }

    /** Something was queued for this client outside a delivery (a PONG): it leaves with the read's flush. */
    void outputQueued() {
        flushSet.add(outbound);
    }

    /** Sends what this read queued, to this client and to every subscriber it reached. */
    void flush() {
        flushSet.flushAll();
    }

    /**
     * Ends a read: flushes, and when a subscriber asked its publishers to slow down, pauses this client's reading
     * briefly; true when it did.
     */
    boolean endBatch() {
        flushSet.flushAll();
        if (!slowDownRequested) {
            return false;
        }
        slowDownRequested = false;
        outbound.pauseReading(SLOW_DOWN_PAUSE_NANOS);
        return true;
    }
}
