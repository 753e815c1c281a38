package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link SinkServer}'s interest: a trie of subscriptions, and the route of each subject published (who gets it,
 * with their {@code MSG} line prefixes encoded once), cached by the subject's bytes and dropped whenever a
 * subscription changes. Apart from the server because it is the one part that knows subjects; the server reads and
 * writes bytes. Single-threaded, like the server.
 */
final class SinkInterest {

    private final Node root = new Node();
    private final RouteCache routes = new RouteCache();

    /** Adds {@code added}, which took the place of {@code replaced} (null for none) under the same sid. */
    void subscribe(Subscription added, Subscription replaced) {
        if (replaced != null) {
            root.remove(replaced);
        }
        root.insert(added);
        routes.clear();
    }

    /** Removes {@code removed}; nothing when it is null. */
    void unsubscribe(Subscription removed) {
        if (removed != null) {
            root.remove(removed);
            routes.clear();
        }
    }

    void unsubscribeAll(Collection<Subscription> removed) {
        if (!removed.isEmpty()) {
            removed.forEach(root::remove);
            routes.clear();
        }
    }

    /** The route of the subject in {@code bytes[from, to)}, built at its first publish. */
    Route route(byte[] bytes, int from, int to) {
        Route route = routes.get(bytes, from, to);
        if (route == null) {
            route = build(new String(bytes, from, to - from, US_ASCII));
            routes.put(Arrays.copyOfRange(bytes, from, to), route);
        }
        return route;
    }

    /** A subscription: its peer, filter tokens, queue group (or {@code null}) and sid. */
    record Subscription(SinkServer.Peer peer, String subject, String queue, String sid) {

        String[] tokens() {
            return SubjectMatcher.tokens(subject);
        }
    }

    /** Who receives one subject: plain subscribers, then one member of each queue group in turn. */
    static final class Route {

        final SinkServer.Peer[] targets;
        final byte[][] prefixes;
        final Group[] groups;

        Route(SinkServer.Peer[] targets, byte[][] prefixes, Group[] groups) {
            this.targets = targets;
            this.prefixes = prefixes;
            this.groups = groups;
        }
    }

    /** The members of one queue group matching one subject, served in turn. */
    static final class Group {

        final SinkServer.Peer[] targets;
        final byte[][] prefixes;
        int next;

        Group(SinkServer.Peer[] targets, byte[][] prefixes) {
            this.targets = targets;
            this.prefixes = prefixes;
        }
    }

    private Route build(String subject) {
        List<Subscription> matches = new ArrayList<>();
        root.match(SubjectMatcher.tokens(subject), 0, matches);
        List<SinkServer.Peer> targets = new ArrayList<>();
        List<byte[]> prefixes = new ArrayList<>();
        Map<String, List<Subscription>> queues = new LinkedHashMap<>();
        for (Subscription subscription : matches) {
            if (subscription.queue() == null) {
                targets.add(subscription.peer());
                prefixes.add(prefix(subject, subscription));
            } else {
                queues.computeIfAbsent(subscription.queue(), queue -> new ArrayList<>()).add(subscription);
            }
        }
        Group[] groups = queues.values().stream().map(members -> new Group(
                members.stream().map(Subscription::peer).toArray(SinkServer.Peer[]::new),
                members.stream().map(member -> prefix(subject, member)).toArray(byte[][]::new)))
                .toArray(Group[]::new);
        return new Route(targets.toArray(SinkServer.Peer[]::new), prefixes.toArray(byte[][]::new), groups);
    }

    private static byte[] prefix(String subject, Subscription subscription) {
        return ("MSG " + subject + " " + subscription.sid() + " ").getBytes(US_ASCII);
    }

    /** A level of the subscription trie. */
    private static final class Node {

        private final Map<String, Node> literals = new HashMap<>();
        private Node star;
        private final List<Subscription> here = new ArrayList<>();
        private final List<Subscription> rest = new ArrayList<>();

        void insert(Subscription subscription) {
            String[] tokens = subscription.tokens();
            Node node = this;
            for (String token : tokens) {
                if (token.equals(">")) {
                    node.rest.add(subscription);
                    return;
                }
                if (token.equals("*")) {
                    if (node.star == null) {
                        node.star = new Node();
                    }
                    node = node.star;
                } else {
                    node = node.literals.computeIfAbsent(token, literal -> new Node());
                }
            }
            node.here.add(subscription);
        }

        void remove(Subscription subscription) {
            Node node = this;
            for (String token : subscription.tokens()) {
                if (token.equals(">")) {
                    node.rest.remove(subscription);
                    return;
                }
                node = token.equals("*") ? node.star : node.literals.get(token);
                if (node == null) {
                    return;
                }
            }
            node.here.remove(subscription);
        }

        void match(String[] subject, int index, List<Subscription> into) {
            if (index == subject.length) {
                into.addAll(here);
                return;
            }
            into.addAll(rest);
            Node literal = literals.get(subject[index]);
            if (literal != null) {
                literal.match(subject, index + 1, into);
            }
            if (star != null) {
                star.match(subject, index + 1, into);
            }
        }
    }

    /**
     * Routes by subject bytes, found without allocating: the last subject looked up, then an open-addressing table.
     */
    private static final class RouteCache {

        private byte[][] keys = new byte[1024][];
        private Route[] values = new Route[1024];
        private int size;
        private byte[] lastKey;
        private Route lastRoute;

        Route get(byte[] bytes, int from, int to) {
            if (lastKey != null && Arrays.equals(lastKey, 0, lastKey.length, bytes, from, to)) {
                return lastRoute;
            }
            int mask = keys.length - 1;
            for (int slot = hash(bytes, from, to) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
                if (Arrays.equals(keys[slot], 0, keys[slot].length, bytes, from, to)) {
                    lastKey = keys[slot];
                    lastRoute = values[slot];
                    return lastRoute;
                }
            }
            return null;
        }

        void put(byte[] key, Route route) {
            if (2 * (size + 1) > keys.length) {
                byte[][] oldKeys = keys;
                Route[] oldValues = values;
                keys = new byte[oldKeys.length * 2][];
                values = new Route[oldKeys.length * 2];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != null) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = route;
            size++;
            lastKey = key;
            lastRoute = route;
        }

        void clear() {
            if (size == 0) {
                return;
            }
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
            lastKey = null;
            lastRoute = null;
        }

        private static int hash(byte[] bytes, int from, int to) {
            int hash = 0x811C9DC5;
            for (int i = from; i < to; i++) {
                hash = (hash ^ bytes[i]) * 0x01000193;
            }
            return hash ^ (hash >>> 16);
        }
    }
}
