package io.natrium.application.session;

import io.natrium.application.account.Account;
import io.natrium.application.account.ClientSubscription;
import io.natrium.application.account.DeliveryTarget;
import io.natrium.application.account.ShadowSubscriptions;
import io.natrium.application.account.SubscriptionExpiry;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.permission.ClientPermissions;
import io.natrium.domain.permission.PermissionViolation;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.sublist.InvalidSubjectException;
import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's subscriptions by sid, and their place in the accounts' subject spaces: SUB with its permission and
 * limit checks, UNSUB, the auto-unsubscribe limit, and the removals of a reload and of the close. The map is confined
 * to the connection's thread; publishers reach a subscription only through {@link #expire}.
 */
final class SubscriptionTable implements SubscriptionExpiry {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final ClientConnection connection;
    private final SessionExecutor executor;
    private final ProtocolTracer tracer;
    private final Map<String, ClientSubscription> bySid = new HashMap<>();

    SubscriptionTable(ClientConnection connection, SessionExecutor executor, ProtocolTracer tracer) {
        this.connection = connection;
        this.executor = executor;
        this.tracer = tracer;
    }

    /** SUB; false when refused, with the error already sent. A sid in use keeps its subscription, as nats-server. */
    boolean subscribe(String subject, String queue, String sid, DeliveryTarget target) {
        if (!maySubscribe(connection.deliveryProfile().permissions(), subject, queue)) {
            violation(subject, queue, sid);
            return false;
        }
        int maxTokens = connection.settings().maxSubTokens();
        if (maxTokens > 0 && Subject.tokenCount(subject) > maxTokens) {
            connection.sendError(PermissionViolation.subscriptionTooManyTokens(subject));
            LOG.error("{} - Subscription Violation Too Many Tokens - {}, Subject {}, SID {}", connection,
                    connection.authUserForLog(), GoStrings.quote(subject), sid);
            return false;
        }
        Account home = connection.account();
        int maxSubscriptions = connection.limits().maxSubscriptions();
        if (maxSubscriptions != Limits.NONE && bySid.size() >= maxSubscriptions) {
            LOG.error("{} - maximum subscriptions exceeded", connection);
            connection.sendError("maximum subscriptions exceeded");
            return false;
        }
        if (!bySid.containsKey(sid)) {
            ClientSubscription subscription = new ClientSubscription(target, home, subject, queue, sid);
            try {
                home.sublist().insert(subscription);
            } catch (InvalidSubjectException e) {
                connection.sendError("Invalid Subject");
                return false;
            }
            ShadowSubscriptions.add(subscription);
            bySid.put(sid, subscription);
        }
        return true;
    }

    /** UNSUB: now, or once {@code max} messages in all have been delivered. */
    void unsubscribe(String sid, long max) {
        ClientSubscription subscription = bySid.get(sid);
        if (subscription == null) {
            return;
        }
        if (max > 0 && max > subscription.delivered()) {
            subscription.setMax(max);
        } else {
            remove(subscription);
        }
    }

    /** An auto-unsubscribe limit was reached; may be called from a publisher's thread. */
    @Override
    public void expire(ClientSubscription subscription) {
        if (!subscription.close()) {
            return;
        }
        if (tracer.enabled()) {
            traceRemoved(subscription);
        }
        subscription.account().sublist().remove(subscription);
        ShadowSubscriptions.remove(subscription);
        executor.execute(() -> bySid.remove(subscription.sid(), subscription));
    }

    int size() {
        return bySid.size();
    }

    Collection<ClientSubscription> all() {
        return bySid.values();
    }

    /**
     * After a reload: removes the subscriptions the new permissions no longer allow, telling the client of each as
     * nats-server does.
     */
    void removeNoLongerAllowed(ClientPermissions allowed) {
        if (allowed == null) {
            return;
        }
        for (ClientSubscription subscription : new ArrayList<>(bySid.values())) {
            String queue = subscription.queue();
            boolean plain = allowed.canSubscribe(subscription.subject(), null);
            boolean inQueue = queue != null && !queue.isEmpty() && allowed.canSubscribe(subscription.subject(), queue);
            if (!plain && !inQueue) {
                remove(subscription);
                connection.sendError(PermissionViolation.removedSubscription(subscription.subject(), null,
                        subscription.sid()));
                LOG.info("Removed sub {} (sid {}) for {} - not authorized", GoStrings.quote(subscription.subject()),
                        GoStrings.quote(subscription.sid()), connection.authUserForLog());
            }
        }
    }

    /**
     * The connection is gone: every subscription leaves the subject space it was made in. Returns those this call
     * closed (not already expired), for the trace.
     */
    List<ClientSubscription> removeAll() {
        if (bySid.isEmpty()) {
            // Most connections that come and go never subscribed: nothing to gather, group or remove.
            return List.of();
        }
        List<ClientSubscription> gone = new ArrayList<>(bySid.values());
        bySid.clear();
        List<ClientSubscription> removed = new ArrayList<>(gone.size());
        for (ClientSubscription subscription : gone) {
            if (subscription.close()) {
                removed.add(subscription);
            }
        }
        Map<Account, List<ClientSubscription>> byAccount = new HashMap<>();
        for (ClientSubscription subscription : gone) {
            byAccount.computeIfAbsent(subscription.account(), key -> new ArrayList<>()).add(subscription);
        }
        byAccount.forEach((home, subscriptionsOfAccount) -> home.sublist().removeAll(subscriptionsOfAccount));
        for (ClientSubscription subscription : removed) {
            ShadowSubscriptions.remove(subscription);
        }
        return removed;
    }

    /** nats-server traces every subscription it removes, whether by UNSUB, by its limit or by the close. */
    void traceRemoved(ClientSubscription subscription) {
        tracer.trace(connection, "<-> [DELSUB " + subscription.sid() + "]");
    }

    private void remove(ClientSubscription subscription) {
        bySid.remove(subscription.sid(), subscription);
        if (subscription.close()) {
            if (tracer.enabled()) {
                traceRemoved(subscription);
            }
            subscription.account().sublist().remove(subscription);
            ShadowSubscriptions.remove(subscription);
        }
    }

    /** Clients may never join the system queue group; otherwise their permissions decide. */
    private static boolean maySubscribe(ClientPermissions allowed, String subject, String queue) {
        if (allowed == null) {
            return !ClientPermissions.SYSTEM_QUEUE_GROUP.equals(queue);
        }
        return allowed.canSubscribe(subject, queue);
    }

    /** Like nats-server, sends the error (traced when tracing is on) before it logs the violation. */
    private void violation(String subject, String queue, String sid) {
        connection.sendError(PermissionViolation.subscription(subject, queue));
        if (queue == null || queue.isEmpty()) {
            LOG.error("{} - Subscription Violation - {}, Subject {}, SID {}", connection, connection.authUserForLog(),
                    GoStrings.quote(subject), sid);
        } else {
            LOG.error("{} - Subscription Violation - {}, Subject {}, Queue: {}, SID {}", connection,
                    connection.authUserForLog(), GoStrings.quote(subject), GoStrings.quote(queue), sid);
        }
    }
}
