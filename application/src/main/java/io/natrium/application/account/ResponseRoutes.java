package io.natrium.application.account;

import io.natrium.domain.account.ResponseType;
import io.natrium.domain.account.ServiceLatency;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests an exporting account serves for importers and has not answered yet. A request crossing a service
 * import gets a fresh reply subject in the exporter, {@code _R_.<account prefix>.<random>}, as nats-server gives it,
 * so that the responder never learns the importer's reply subject; a response to it travels back to the importer on
 * the original reply subject. A singleton's mapping ends with its first response; a stream's or chunked response's
 * mapping lives until the export's response threshold passes.
 */
final class ResponseRoutes {

    static final String PREFIX = "_R_.";
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int TOKEN_LENGTH = 6;
    /** Expired mappings are swept every so many new ones, so that requests never answered do not pile up. */
    private static final int SWEEP_EVERY = 256;

    /**
     * Where a response to one request goes: the importing account and the reply subject the requester chose, and
     * the request's latency tracking when it was sampled (null otherwise); {@code share} and {@code latency} are the
     * import's and the export's, which /accountz shows with it.
     */
    record Pending(Account importer, String reply, ResponseType type, long expiresNanos, LatencyTracking tracking,
            boolean share, ServiceLatency latency) {
    }

    private final String replyPrefix = PREFIX + randomToken() + ".";
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger registrations = new AtomicInteger();

    /** What every reply subject of this account starts with: {@code _R_.} and a random token, then a dot. */
    String replyPrefix() {
        return replyPrefix;
    }

    /** Maps a request's reply subject to a new one of this account and returns the new one. */
    String register(Account importer, String reply, ResponseType type, long thresholdNanos, long nowNanos) {
        return register(importer, reply, type, thresholdNanos, nowNanos, null, "", false, null);
    }

    /**
     * Like {@link #register(Account, String, ResponseType, long, long)} for a request whose latency is tracked;
     * nats-server marks such a reply with a suffix naming the server, which {@code trackingSuffix} gives.
     */
    String register(Account importer, String reply, ResponseType type, long thresholdNanos, long nowNanos,
            LatencyTracking tracking, String trackingSuffix, boolean share, ServiceLatency latency) {
        if (registrations.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(nowNanos);
        }
        String mapped = replyPrefix + randomToken() + (tracking == null ? "" : trackingSuffix);
        pending.put(mapped, new Pending(importer, reply, type, nowNanos + thresholdNanos, tracking, share, latency));
        return mapped;
    }

    /**
     * The route of a response published on {@code subject}, or null when the subject is no pending reply (or its
     * time ran out). A singleton's route is used up by the call.
     */
    Pending take(String subject, long nowNanos) {
        Pending route = pending.get(subject);
        if (route == null) {
            return null;
        }
        if (nowNanos - route.expiresNanos() > 0) {
            pending.remove(subject, route);
            return null;
        }
        if (route.type() == ResponseType.SINGLETON && !pending.remove(subject, route)) {
            return null;
        }
        return route;
    }

    /** Drops a mapping whose request reached nobody; true when it was still there. */
    boolean remove(String mapped) {
        return pending.remove(mapped) != null;
    }

    /** The requests still waiting for a response at {@code nowNanos}, by their reply subject in this account. */
    Map<String, Pending> waiting(long nowNanos) {
        Map<String, Pending> waiting = new TreeMap<>();
        pending.forEach((mapped, route) -> {
            if (nowNanos - route.expiresNanos() <= 0) {
                waiting.put(mapped, route);
            }
        });
        return waiting;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }

    private void sweep(long nowNanos) {
        pending.values().removeIf(route -> nowNanos - route.expiresNanos() > 0);
    }

    private static String randomToken() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }
}
