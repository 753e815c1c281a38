package io.natrium.domain.sublist;

import io.natrium.domain.HotPath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The subscriptions matching one subject: every plain subscription, and the queue subscriptions grouped by queue
 * name (a message goes to one member of each group). Immutable, so one instance is shared by the caches and every
 * publisher; the indexed accessors let the delivery loop walk it without an iterator.
 *
 * @param <S> the subscription type
 */
@HotPath
public final class SublistResult<S extends Subscription> {

    private static final Object[] NONE = new Object[0];
    private static final SublistResult<?> EMPTY = new SublistResult<>(NONE, new String[0], new Object[0][]);

    private final Object[] plain;
    private final String[] queueNames;
    private final Object[][] queueMembers;

    SublistResult(Object[] plain, String[] queueNames, Object[][] queueMembers) {
        this.plain = plain;
        this.queueNames = queueNames;
        this.queueMembers = queueMembers;
    }

    /** The shared result with no subscriptions. */
    @SuppressWarnings("unchecked")
    public static <S extends Subscription> SublistResult<S> empty() {
        return (SublistResult<S>) EMPTY;
    }

    public boolean isEmpty() {
        return plain.length == 0 && queueNames.length == 0;
    }

    public int plainCount() {
        return plain.length;
    }

    @SuppressWarnings("unchecked")
    public S plain(int index) {
        return (S) plain[index];
    }

    public int queueGroupCount() {
        return queueNames.length;
    }

    public String queueName(int group) {
        return queueNames[group];
    }

    public int queueGroupSize(int group) {
        return queueMembers[group].length;
    }

    @SuppressWarnings("unchecked")
    public S queueMember(int group, int index) {
        return (S) queueMembers[group][index];
    }

    /** Plain subscriptions plus queue groups: the number of copies one message makes. */
    public int fanout() {
        return plain.length + queueNames.length;
    }

    /** The plain subscriptions as a list; allocates, for the cold path. */
    public List<S> plainSubscriptions() {
        List<S> list = new ArrayList<>(plain.length);
        for (int i = 0; i < plain.length; i++) {
            list.add(plain(i));
        }
        return list;
    }

    /** The members of one queue group as a list; allocates, for the cold path. */
    public List<S> queueGroup(int group) {
        List<S> list = new ArrayList<>(queueMembers[group].length);
        for (int i = 0; i < queueMembers[group].length; i++) {
            list.add(queueMember(group, i));
        }
        return list;
    }

    /** A copy with one more subscription, for keeping cached results current after an insert. */
    SublistResult<S> with(S subscription) {
        String queue = subscription.queue();
        if (queue == null) {
            Object[] morePlain = Arrays.copyOf(plain, plain.length + 1);
            morePlain[plain.length] = subscription;
            return new SublistResult<>(morePlain, queueNames, queueMembers);
        }
        for (int group = 0; group < queueNames.length; group++) {
            if (queueNames[group].equals(queue)) {
                Object[][] moreMembers = queueMembers.clone();
                Object[] members = Arrays.copyOf(queueMembers[group], queueMembers[group].length + 1);
                members[members.length - 1] = subscription;
                moreMembers[group] = members;
                return new SublistResult<>(plain, queueNames, moreMembers);
            }
        }
        String[] moreNames = Arrays.copyOf(queueNames, queueNames.length + 1);
        moreNames[queueNames.length] = queue;
        Object[][] moreMembers = Arrays.copyOf(queueMembers, queueMembers.length + 1);
        moreMembers[queueMembers.length] = new Object[] {subscription};
        return new SublistResult<>(plain, moreNames, moreMembers);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SublistResult{plain=").append(Arrays.toString(plain));
        for (int group = 0; group < queueNames.length; group++) {
            text.append(", ").append(queueNames[group]).append('=').append(Arrays.toString(queueMembers[group]));
        }
        return text.append('}').toString();
    }
}
