package io.natrium.domain.sublist;

import io.natrium.domain.HotPath;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects the nodes a match visits into a {@link SublistResult}, merging queue groups of the same name. */
@HotPath
final class ResultBuilder<S extends Subscription> {

    private final List<Object> plain = new ArrayList<>();
    private final List<String> queueNames = new ArrayList<>(2);
    private final List<List<Object>> queueMembers = new ArrayList<>(2);

    void addPlain(S subscription) {
        plain.add(subscription);
    }

    void addPlain(Object[] subscriptions, int count) {
        for (int i = 0; i < count; i++) {
            plain.add(subscriptions[i]);
        }
    }

    void addQueueMembers(String queue, Collection<S> members) {
        int group = queueNames.indexOf(queue);
        if (group < 0) {
            queueNames.add(queue);
            queueMembers.add(new ArrayList<>(members));
        } else {
            queueMembers.get(group).addAll(members);
        }
    }

    SublistResult<S> build() {
        if (plain.isEmpty() && queueNames.isEmpty()) {
            return SublistResult.empty();
        }
        Object[][] members = new Object[queueMembers.size()][];
        for (int group = 0; group < members.length; group++) {
            members[group] = queueMembers.get(group).toArray();
        }
        return new SublistResult<>(plain.toArray(), queueNames.toArray(new String[0]), members);
    }
}
