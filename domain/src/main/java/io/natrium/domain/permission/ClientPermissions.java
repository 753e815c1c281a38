package io.natrium.domain.permission;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;

/**
 * The permission state of one connection: its user's {@link Permissions} plus what nats-server keeps per client, the
 * publish decision cache ({@link PermissionCache}), the delivery-time deny filter with its cache
 * ({@link DeliveryDenyCache}), and the reply subjects {@code allow_responses} lets it answer
 * ({@link ReplyPermissions}). The caches never change a decision; they only save the sublist walks.
 *
 * <p>How a connection uses it:
 * <ul>
 *   <li>PUB/HPUB: {@link #canPublish} on the subject (before {@code +OK}); refused means
 *       {@link PermissionViolation#publish}.</li>
 *   <li>SUB: {@link #canSubscribe}; refused means {@link PermissionViolation#subscription}. An allowed wildcard or
 *       queue subscription that overlaps a deny entry arms the delivery filter.</li>
 *   <li>Delivering a message to this connection (on the publisher's event loop): skip the subscription when
 *       {@link #deliveryDenied}; after handing the message over, {@link #trackReply} with its reply subject.</li>
 *   <li>New permissions (reload): build a new instance and run {@link #canSubscribe} again for each existing
 *       subscription; remove the refused ones with {@link PermissionViolation#removedSubscription}.</li>
 * </ul>
 *
 * <p>Thread-safe: {@link #canPublish} and {@link #canSubscribe} run on the connection's own event loop,
 * {@link #deliveryDenied} and {@link #trackReply} on the event loops of the connections publishing to it. Times are
 * monotonic nanoseconds from the caller's clock.
 */
@HotPath
public final class ClientPermissions {

    /** The queue group nats-server reserves for its internal subscriptions; clients may never join it. */
    public static final String SYSTEM_QUEUE_GROUP = "_sys_";

    private static final String NO_QUEUE = "";

    private final Permissions permissions;
    private final PermissionCache publishCache;
    private final DeliveryDenyCache deliveryCache;
    private final ReplyPermissions replies;
    private volatile boolean deliveryFilterArmed;

    private ClientPermissions(Permissions permissions, boolean cached) {
        this.permissions = permissions;
        this.publishCache = cached && permissions.restrictsPublish() ? new PermissionCache() : null;
        this.deliveryCache = cached && permissions.hasSubscribeDenies() ? new DeliveryDenyCache() : null;
        this.replies = permissions.responses() == null ? null : new ReplyPermissions(permissions.responses());
    }

    /** The state of a new connection with these permissions. */
    public static ClientPermissions of(Permissions permissions) {
        return new ClientPermissions(permissions, true);
    }

    /** The same behaviour without the two caches: the reference the cached instance is tested against. */
    static ClientPermissions uncached(Permissions permissions) {
        return new ClientPermissions(permissions, false);
    }

    public Permissions permissions() {
        return permissions;
    }

    /** Whether the connection may publish to {@code subject} now, counting a use of a tracked reply subject. */
    public boolean canPublish(String subject, long nowNanos) {
        return publishDecision(subject, nowNanos);
    }

    /** {@link #canPublish(String, long)} on the subject in the view; allocates nothing when the cache hits. */
    public boolean canPublish(SubjectView subject, long nowNanos) {
        return publishDecision(subject, nowNanos);
    }

    /**
     * Whether the connection may subscribe to {@code subject} in {@code queue} (null or empty for plain). An allowed
     * subscription that a deny entry overlaps arms the delivery filter.
     */
    public boolean canSubscribe(String subject, String queue) {
        boolean allowed = permissions.subscribeAllowed(subject, queue);
        if (allowed && !deliveryFilterArmed && permissions.deliveryFilterNeeded(subject, queue)) {
            deliveryFilterArmed = true;
        }
        return allowed && !SYSTEM_QUEUE_GROUP.equals(queue);
    }

    /**
     * Whether a message on the literal {@code subject} must not be delivered to this connection's subscription in
     * {@code queue} (null or empty for plain). False without a look-up until a subscription armed the filter: the
     * subscriptions {@link #canSubscribe} allowed before then cannot receive a denied subject.
     */
    public boolean deliveryDenied(String subject, String queue) {
        return deliveryDecision(subject, queue);
    }

    /** {@link #deliveryDenied(String, String)} on the subject in the view. */
    public boolean deliveryDenied(SubjectView subject, String queue) {
        return deliveryDecision(subject, queue);
    }

    /**
     * Records that a message with reply subject {@code reply} was delivered to this connection at {@code nowNanos},
     * so that {@code allow_responses} lets it publish there. Nothing happens without response permissions, for an
     * empty reply, or when the connection may publish there anyway. As in nats-server, that last check runs the full
     * publish check, so a reply subject delivered again while it is still tracked counts as one response.
     */
    public void trackReply(String reply, long nowNanos) {
        if (!reply.isEmpty()) {
            track(reply, nowNanos);
        }
    }

    /** {@link #trackReply(String, long)} for the reply subject in the view. */
    public void trackReply(SubjectView reply, long nowNanos) {
        if (reply.length() > 0) {
            track(reply, nowNanos);
        }
    }

    /** Drops the tracked replies that are used up or expired; tracking does this by itself from time to time. */
    public void pruneReplies(long nowNanos) {
        if (replies != null) {
            replies.prune(nowNanos);
        }
    }

    /** How many reply subjects are tracked. */
    public int trackedReplies() {
        return replies == null ? 0 : replies.size();
    }

    int cachedPublishDecisions() {
        return publishCache == null ? 0 : publishCache.size();
    }

    int cachedDeliveryDecisions() {
        return deliveryCache == null ? 0 : deliveryCache.size();
    }

    boolean deliveryFilterArmed() {
        return deliveryFilterArmed;
    }

    /** The publish check on a {@code String} or a {@link SubjectView}; both equal a string key with their text. */
    private boolean publishDecision(Object subject, long nowNanos) {
        if (!permissions.restrictsPublish()) {
            return true;
        }
        Boolean cached = publishCache == null ? null : publishCache.get(subject);
        if (cached != null) {
            return cached;
        }
        String text = subject.toString();
        boolean allowed = permissions.publishAllowed(text);
        if (!allowed && replies != null) {
            // Decided by mutable reply state, so nats-server keeps it out of the cache.
            return replies.allows(text, nowNanos);
        }
        if (publishCache != null) {
            publishCache.put(text, allowed);
        }
        return allowed;
    }

    private boolean deliveryDecision(Object subject, String queue) {
        if (!deliveryFilterArmed) {
            return false;
        }
        String queueKey = queue == null ? NO_QUEUE : queue;
        Boolean cached = deliveryCache == null ? null : deliveryCache.get(subject, queueKey);
        if (cached != null) {
            return cached;
        }
        String text = subject.toString();
        boolean denied = permissions.deliveryDenied(text, queueKey);
        if (deliveryCache != null) {
            deliveryCache.put(text, queueKey, denied);
        }
        return denied;
    }

    private void track(Object reply, long nowNanos) {
        if (replies != null && !publishDecision(reply, nowNanos)) {
            replies.track(reply.toString(), nowNanos);
        }
    }

    @Override
    public String toString() {
        return "ClientPermissions[" + permissions + "]";
    }
}
