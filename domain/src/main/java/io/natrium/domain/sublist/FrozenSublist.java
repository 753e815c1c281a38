package io.natrium.domain.sublist;

import io.natrium.domain.HotPath;

import java.util.Collection;

/**
 * A sublist built once from a fixed set of subscriptions and never changed, such as a user's permission allow and
 * deny lists. It takes no lock: nothing writes to its trie after the constructor, and the trie is reached through
 * final fields, so every thread that sees this object sees the trie complete. No shared cache either: the callers
 * that check the same subjects over and over keep their own decision caches.
 *
 * <p>Matches as {@link Sublist} does, including taking a wildcard in the subject as a literal token that only a
 * wildcard of the same kind in a filter matches.
 *
 * @param <S> the subscription type
 */
@HotPath
public final class FrozenSublist<S extends Subscription> {

    private static final FrozenSublist<?> EMPTY = new FrozenSublist<>(new Trie<>(), 0);

    private final Trie<S> trie;
    private final int count;

    private FrozenSublist(Trie<S> trie, int count) {
        this.trie = trie;
        this.count = count;
    }

    /**
     * A sublist of these subscriptions; one that equals another is held once.
     *
     * @throws InvalidSubjectException when a filter is not a valid subject
     */
    public static <S extends Subscription> FrozenSublist<S> of(Collection<? extends S> subscriptions) {
        if (subscriptions.isEmpty()) {
            return empty();
        }
        Trie<S> trie = new Trie<>();
        int count = 0;
        for (S subscription : subscriptions) {
            if (trie.insert(Trie.filterTokens(subscription.subject()), subscription)) {
                count++;
            }
        }
        return new FrozenSublist<>(trie, count);
    }

    @SuppressWarnings("unchecked")
    public static <S extends Subscription> FrozenSublist<S> empty() {
        return (FrozenSublist<S>) EMPTY;
    }

    /** The number of subscriptions held. */
    public int count() {
        return count;
    }

    /** The subscriptions matching a subject. */
    public SublistResult<S> match(String subject) {
        String[] tokens = Trie.matchTokens(subject);
        if (tokens == null) {
            return SublistResult.empty();
        }
        ResultBuilder<S> builder = new ResultBuilder<>();
        trie.collectMatches(tokens, builder);
        return builder.build();
    }

    /** True when at least one subscription matches the subject. */
    public boolean hasInterest(String subject) {
        String[] tokens = Trie.matchTokens(subject);
        return tokens != null && trie.hasMatch(tokens);
    }
}
