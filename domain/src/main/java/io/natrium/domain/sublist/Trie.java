package io.natrium.domain.sublist;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Subscriptions stored by filter, one {@link Level} per token, and the walks over them: insert, remove with pruning,
 * match against literal tokens, collide with wildcard tokens, collect everything. Not thread-safe: {@link Sublist}
 * guards it with its lock.
 *
 * @param <S> the subscription type
 */
@HotPath
final class Trie<S extends Subscription> {

    private final Level<S> root = new Level<>();

    /**
     * The tokens of a filter about to be inserted.
     *
     * @throws InvalidSubjectException when the filter is not a valid subject
     */
    static String[] filterTokens(String filter) {
        if (!SubjectFilter.isValid(filter)) {
            throw new InvalidSubjectException(filter);
        }
        return Subject.tokens(filter);
    }

    /** The tokens of a subject to match, or null when a token is empty (nothing can match such a subject). */
    static String[] matchTokens(String subject) {
        String[] tokens = Subject.tokens(subject);
        for (String token : tokens) {
            if (token.isEmpty()) {
                return null;
            }
        }
        return tokens;
    }

    /** Adds a subscription under the tokens of its filter; false when it was already there. */
    boolean insert(String[] tokens, S subscription) {
        Level<S> level = root;
        Node<S> node = null;
        for (String token : tokens) {
            if (level == null) {
                level = node.next = new Level<>();
            }
            node = level.child(token);
            level = node.next;
        }
        return node.add(subscription);
    }

    /** Removes a subscription and prunes the nodes it leaves empty; false when it was not there. */
    boolean remove(S subscription) {
        String filter = subscription.subject();
        if (!SubjectFilter.isValid(filter)) {
            return false;
        }
        String[] tokens = Subject.tokens(filter);
        List<Level<S>> path = new ArrayList<>(tokens.length);
        List<Node<S>> nodes = new ArrayList<>(tokens.length);
        Level<S> level = root;
        for (String token : tokens) {
            Node<S> node = level == null ? null : level.existingChild(token);
            if (node == null) {
                return false;
            }
            path.add(level);
            nodes.add(node);
            level = node.next;
        }
        if (!nodes.get(nodes.size() - 1).remove(subscription)) {
            return false;
        }
        for (int depth = tokens.length - 1; depth >= 0; depth--) {
            Node<S> node = nodes.get(depth);
            if (!node.isPrunable()) {
                break;
            }
            node.next = null;
            path.get(depth).removeChild(tokens[depth]);
        }
        return true;
    }

    /** Adds the subscriptions of every node whose filter matches the literal tokens to the result. */
    void collectMatches(String[] tokens, ResultBuilder<S> result) {
        visitMatches(root, tokens, 0, node -> {
            node.collectInto(result);
            return false;
        });
    }

    /** True when a node whose filter matches the literal tokens holds a subscription. */
    boolean hasMatch(String[] tokens) {
        return visitMatches(root, tokens, 0, Node::hasSubscriptions);
    }

    /** How many plain and queue subscriptions match the literal tokens. */
    InterestCount countMatches(String[] tokens) {
        int[] counts = new int[2];
        visitMatches(root, tokens, 0, node -> {
            counts[0] += node.plainCount();
            counts[1] += node.queueCount();
            return false;
        });
        return new InterestCount(counts[0], counts[1]);
    }

    /** Adds every subscription whose filter shares at least one literal subject with the (wildcard) tokens. */
    void collectCollisions(String[] tokens, ResultBuilder<S> result) {
        visitCollisions(root, tokens, 0, result);
    }

    /** Adds every subscription held. */
    void collectAll(ResultBuilder<S> result) {
        collectAll(root, result);
    }

    /** The number of non-empty levels; 0 once every subscription is gone. */
    int levelCount() {
        return root.depthCount();
    }

    /** Walks every node whose filter matches the literal tokens; stops early when the visitor says so. */
    private boolean visitMatches(Level<S> start, String[] tokens, int first, NodeVisitor<S> visitor) {
        Level<S> level = start;
        Node<S> node = null;
        Node<S> singleWildcard = null;
        for (int i = first; i < tokens.length; i++) {
            if (level == null) {
                return false;
            }
            if (level.fullWildcard != null && visitor.visit(level.fullWildcard)) {
                return true;
            }
            singleWildcard = level.singleWildcard;
            if (singleWildcard != null && visitMatches(singleWildcard.next, tokens, i + 1, visitor)) {
                return true;
            }
            node = level.literals.get(tokens[i]);
            level = node == null ? null : node.next;
        }
        return node != null && visitor.visit(node) || singleWildcard != null && visitor.visit(singleWildcard);
    }

    private void visitCollisions(Level<S> level, String[] tokens, int index, ResultBuilder<S> result) {
        if (level == null) {
            return;
        }
        String token = tokens[index];
        if (token.equals(SubjectFilter.FULL_WILDCARD)) {
            collectAll(level, result);
            return;
        }
        if (level.fullWildcard != null) {
            level.fullWildcard.collectInto(result);
        }
        if (token.equals(SubjectFilter.SINGLE_WILDCARD)) {
            for (Node<S> literal : level.literals.values()) {
                visitCollisionsBelow(literal, tokens, index + 1, result);
            }
        } else {
            Node<S> literal = level.literals.get(token);
            if (literal != null) {
                visitCollisionsBelow(literal, tokens, index + 1, result);
            }
        }
        if (level.singleWildcard != null) {
            visitCollisionsBelow(level.singleWildcard, tokens, index + 1, result);
        }
    }

    private void visitCollisionsBelow(Node<S> node, String[] tokens, int next, ResultBuilder<S> result) {
        if (next == tokens.length) {
            node.collectInto(result);
        } else {
            visitCollisions(node.next, tokens, next, result);
        }
    }

    private void collectAll(Level<S> level, ResultBuilder<S> result) {
        if (level == null) {
            return;
        }
        for (Node<S> node : level.literals.values()) {
            collectAllFrom(node, result);
        }
        if (level.singleWildcard != null) {
            collectAllFrom(level.singleWildcard, result);
        }
        if (level.fullWildcard != null) {
            collectAllFrom(level.fullWildcard, result);
        }
    }

    private void collectAllFrom(Node<S> node, ResultBuilder<S> result) {
        node.collectInto(result);
        collectAll(node.next, result);
    }

    @FunctionalInterface
    private interface NodeVisitor<S extends Subscription> {
        /** Visits a matching node; returns true to stop the walk. */
        boolean visit(Node<S> node);
    }
}
