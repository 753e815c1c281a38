package io.natrium.domain.sublist;

import io.natrium.domain.HotPath;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The subscriptions whose filter ends at one trie position, and the level below it. Once a node holds
 * {@link Sublist#FLAT_LIST_MIN} plain subscriptions it also keeps them in a flat array, which is much cheaper to copy
 * into a result than walking the set. Guarded by the owning sublist's lock.
 */
@HotPath
final class Node<S extends Subscription> {

    Level<S> next;
    private final Set<S> plain = new LinkedHashSet<>();
    private Object[] flatPlain;
    private int flatPlainSize;
    private Map<String, Set<S>> queues;

    boolean add(S subscription) {
        String queue = subscription.queue();
        if (queue != null) {
            if (queues == null) {
                queues = new LinkedHashMap<>();
            }
            return queues.computeIfAbsent(queue, ignored -> new LinkedHashSet<>()).add(subscription);
        }
        if (!plain.add(subscription)) {
            return false;
        }
        if (flatPlain != null) {
            if (flatPlainSize == flatPlain.length) {
                flatPlain = Arrays.copyOf(flatPlain, flatPlainSize * 2);
            }
            flatPlain[flatPlainSize++] = subscription;
        } else if (plain.size() >= Sublist.FLAT_LIST_MIN) {
            flatPlain = plain.toArray(new Object[plain.size() * 2]);
            flatPlainSize = plain.size();
        }
        return true;
    }

    boolean remove(S subscription) {
        String queue = subscription.queue();
        if (queue != null) {
            Set<S> members = queues == null ? null : queues.get(queue);
            if (members == null || !members.remove(subscription)) {
                return false;
            }
            if (members.isEmpty()) {
                queues.remove(queue);
            }
            return true;
        }
        if (!plain.remove(subscription)) {
            return false;
        }
        // Rebuilt by the next insert that finds the node big enough; removal order would cost a search here.
        flatPlain = null;
        flatPlainSize = 0;
        return true;
    }

    boolean hasSubscriptions() {
        return !plain.isEmpty() || queues != null && !queues.isEmpty();
    }

    boolean isPrunable() {
        return !hasSubscriptions() && (next == null || next.isEmpty());
    }

    int plainCount() {
        return plain.size();
    }

    int queueCount() {
        int count = 0;
        if (queues != null) {
            for (Set<S> members : queues.values()) {
                count += members.size();
            }
        }
        return count;
    }

    void collectInto(ResultBuilder<S> result) {
        if (flatPlain != null) {
            result.addPlain(flatPlain, flatPlainSize);
        } else {
            for (S subscription : plain) {
                result.addPlain(subscription);
            }
        }
        if (queues != null) {
            for (Map.Entry<String, Set<S>> group : queues.entrySet()) {
                result.addQueueMembers(group.getKey(), group.getValue());
            }
        }
    }

    int levelsBelow() {
        return next == null ? 0 : next.depthCount();
    }
}
