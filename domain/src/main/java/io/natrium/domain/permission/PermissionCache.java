package io.natrium.domain.permission;

import io.natrium.domain.HotPath;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's cache of static publish decisions (nats-server's {@code pcache}): at most {@link #MAX_ENTRIES}
 * subjects. It only ever holds what {@link Permissions#publishAllowed} answered, so a hit can never differ from a
 * fresh check.
 *
 * <p>nats-server prunes when an insert takes it past the maximum, in a loop meant to stop after {@code pruneSize}
 * deletions once the size is back under the maximum; the size it looks at is only updated after the loop, so in
 * practice the loop empties the cache. This cache does the same.
 *
 * <p>Thread-safe without locks: the connection's own event loop checks its publishes while other connections' event
 * loops check reply subjects they deliver to it. Lookups accept a {@code String} or a
 * {@link io.natrium.domain.subject.SubjectView}, which equals the string with the same text, so a hit allocates
 * nothing.
 */
@HotPath
final class PermissionCache {

    /** nats-server's {@code maxPermCacheSize}. */
    static final int MAX_ENTRIES = 128;

    private final ConcurrentHashMap<String, Boolean> decisions = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** The cached decision for the subject, or null. */
    Boolean get(Object subject) {
        return decisions.get(subject);
    }

    void put(String subject, boolean allowed) {
        if (decisions.put(subject, allowed) == null && size.incrementAndGet() > MAX_ENTRIES) {
            prune();
        }
    }

    int size() {
        return decisions.size();
    }

    private void prune() {
        int removed = 0;
        for (Iterator<String> subjects = decisions.keySet().iterator(); subjects.hasNext(); removed++) {
            subjects.next();
            subjects.remove();
        }
        size.addAndGet(-removed);
    }
}
