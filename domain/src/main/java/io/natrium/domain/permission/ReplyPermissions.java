package io.natrium.domain.permission;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The reply subjects a connection with {@code allow_responses} may publish to (nats-server's {@code replies} map):
 * each reply subject of a message delivered to it, with when it was delivered and how many responses went to it.
 *
 * <p>Stale entries (used up or expired) are dropped by a sweep that runs when a reply is tracked, at most once a
 * second unless {@link #PRUNE_AFTER_TRACKED} replies were tracked since the last one (nats-server's
 * {@code replyPermLimit} and {@code replyPruneTime}). A sweep only drops entries the next check would refuse anyway,
 * so it never changes a decision.
 *
 * <p>Thread-safe through its monitor: replies are tracked by the publishers' event loops and used by the
 * connection's own. Each call is short.
 */
final class ReplyPermissions {

    /** nats-server's {@code replyPermLimit}. */
    static final int PRUNE_AFTER_TRACKED = 4096;
    /** nats-server's {@code replyPruneTime}, one second. */
    static final long PRUNE_INTERVAL_NANOS = 1_000_000_000L;

    private final ResponsePermission limits;
    private final Map<String, Reply> replies = new HashMap<>();
    private int trackedSincePrune;
    private boolean prunedBefore;
    private long lastPruneNanos;

    ReplyPermissions(ResponsePermission limits) {
        this.limits = limits;
    }

    /**
     * nats-server's {@code responseAllowed}: true when {@code subject} is a tracked reply that is neither used up nor
     * expired. Every call counts as one response, allowed or not; an entry found used up or expired is dropped.
     */
    synchronized boolean allows(Object subject, long nowNanos) {
        Reply reply = replies.get(subject);
        if (reply == null) {
            return false;
        }
        int published = reply.published++;
        if (limits.exhaustedBy(published) || limits.expiredAt(reply.trackedNanos, nowNanos)) {
            replies.remove(subject);
            return false;
        }
        return true;
    }

    /** Starts (or restarts) tracking a reply subject delivered at {@code nowNanos}. */
    synchronized void track(String subject, long nowNanos) {
        replies.put(subject, new Reply(nowNanos));
        trackedSincePrune++;
        if (!prunedBefore || trackedSincePrune > PRUNE_AFTER_TRACKED
                || nowNanos - lastPruneNanos > PRUNE_INTERVAL_NANOS) {
            prune(nowNanos);
        }
    }

    /** Drops every entry that is used up or expired at {@code nowNanos}. */
    synchronized void prune(long nowNanos) {
        for (Iterator<Reply> entries = replies.values().iterator(); entries.hasNext(); ) {
            Reply reply = entries.next();
            if (limits.exhaustedBy(reply.published) || limits.expiredAt(reply.trackedNanos, nowNanos)) {
                entries.remove();
            }
        }
        trackedSincePrune = 0;
        prunedBefore = true;
        lastPruneNanos = nowNanos;
    }

    synchronized int size() {
        return replies.size();
    }

    /** One tracked reply subject. Guarded by the owning {@link ReplyPermissions}. */
    private static final class Reply {
        final long trackedNanos;
        int published;

        Reply(long trackedNanos) {
            this.trackedNanos = trackedNanos;
        }
    }
}
