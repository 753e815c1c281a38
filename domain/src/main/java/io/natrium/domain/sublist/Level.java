package io.natrium.domain.sublist;

import io.natrium.domain.HotPath;

import java.util.HashMap;

/**
 * One token position of the trie: literal tokens by name, and the {@code *} and {@code >} wildcards in their own
 * slots so matching never has to look them up. Guarded by the owning sublist's lock.
 */
@HotPath
final class Level<S extends Subscription> {

    final HashMap<String, Node<S>> literals = new HashMap<>();
    Node<S> singleWildcard;
    Node<S> fullWildcard;

    boolean isEmpty() {
        return literals.isEmpty() && singleWildcard == null && fullWildcard == null;
    }

    /** The node for a token, created when missing. */
    Node<S> child(String token) {
        if (isSingleWildcard(token)) {
            if (singleWildcard == null) {
                singleWildcard = new Node<>();
            }
            return singleWildcard;
        }
        if (isFullWildcard(token)) {
            if (fullWildcard == null) {
                fullWildcard = new Node<>();
            }
            return fullWildcard;
        }
        return literals.computeIfAbsent(token, ignored -> new Node<>());
    }

    /** The node for a token, or null. */
    Node<S> existingChild(String token) {
        if (isSingleWildcard(token)) {
            return singleWildcard;
        }
        if (isFullWildcard(token)) {
            return fullWildcard;
        }
        return literals.get(token);
    }

    void removeChild(String token) {
        if (isSingleWildcard(token)) {
            singleWildcard = null;
        } else if (isFullWildcard(token)) {
            fullWildcard = null;
        } else {
            literals.remove(token);
        }
    }

    /** Levels below this one that hold anything, counting this one. */
    int depthCount() {
        int count = isEmpty() ? 0 : 1;
        for (Node<S> node : literals.values()) {
            count += node.levelsBelow();
        }
        if (singleWildcard != null) {
            count += singleWildcard.levelsBelow();
        }
        if (fullWildcard != null) {
            count += fullWildcard.levelsBelow();
        }
        return count;
    }

    private static boolean isSingleWildcard(String token) {
        return token.length() == 1 && token.charAt(0) == '*';
    }

    private static boolean isFullWildcard(String token) {
        return token.length() == 1 && token.charAt(0) == '>';
    }
}
