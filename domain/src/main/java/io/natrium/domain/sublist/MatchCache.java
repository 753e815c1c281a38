package io.natrium.domain.sublist;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectKey;
import io.natrium.domain.subject.SubjectView;

import java.util.HashMap;
import java.util.Iterator;

/**
 * A connection's own cache of match results (nats-server's per-client "L1" cache), in front of the sublist's
 * shared cache. It needs no lock because one connection uses it from one thread, and it is thrown away whenever the
 * sublist's generation id moves, so it never serves a result older than the last subscription change. A hit
 * allocates nothing: the subject is probed as a {@link SubjectView}.
 *
 * <p>Keys are {@link SubjectKey}s, compared with the probe byte for byte. Empty results are kept too (unlike
 * nats-server, which asks its shared cache again): a publisher with no subscribers then costs one lookup. At most
 * {@link #MAX_ENTRIES} are kept; past that, {@link #PRUNE_COUNT} arbitrary entries are dropped. The last subject
 * matched is also kept aside: a publisher sending to one subject again and again (the common stream) is answered by
 * comparing with it, without the map. Not thread-safe.
 *
 * @param <S> the subscription type
 */
@HotPath
public final class MatchCache<S extends Subscription> {

    public static final int MAX_ENTRIES = 512;
    public static final int PRUNE_COUNT = 32;

    private final Sublist<S> sublist;
    private final HashMap<SubjectKey, Entry<S>> results = new HashMap<>();
    private long generation = -1;
    /** The entry the last call answered with; null after the cache was emptied. */
    private Entry<S> last;

    public MatchCache(Sublist<S> sublist) {
        this.sublist = sublist;
    }

    /** The subscriptions matching the subject in the view. */
    public SublistResult<S> match(SubjectView subject) {
        // Read the generation before matching: a change racing with this match then shows up as a newer
        // generation on the next call and empties the cache, instead of being hidden under the new number.
        long current = sublist.generation();
        if (current != generation) {
            results.clear();
            last = null;
            generation = current;
        }
        Entry<S> entry = last;
        if (entry != null && subject.equals(entry.subject)) {
            return entry.result;
        }
        entry = results.get(subject);
        if (entry == null) {
            entry = new Entry<>(SubjectKey.copyOf(subject), sublist.match(subject));
            results.put(entry.subject, entry);
            if (results.size() > MAX_ENTRIES) {
                prune();
            }
        }
        last = entry;
        return entry.result;
    }

    /** The number of subjects currently cached. */
    public int size() {
        return results.size();
    }

    private record Entry<S extends Subscription>(SubjectKey subject, SublistResult<S> result) {
    }

    private void prune() {
        Iterator<SubjectKey> subjects = results.keySet().iterator();
        for (int i = 0; i < PRUNE_COUNT && subjects.hasNext(); i++) {
            subjects.next();
            subjects.remove();
        }
    }
}
