package io.natrium.application.resolver;

import io.natrium.application.port.out.AccountJwtStore;
import io.natrium.domain.jwt.Claims;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * nats-server's expiring {@code DirJWTStore} behind the full and cache resolvers: the JWTs of the directory indexed in
 * memory, at most {@code limit} of them (the full resolver refuses more with {@code jwt store is full}, the cache
 * evicts the least recently used), a hash over all (the XOR of each JWT's SHA-256, which PACK compares), deletions
 * renamed aside ({@code allow_delete}) or removed (the cache), and expired JWTs dropped. Thread-safe.
 */
public final class DirectoryResolver {

    /** nats-server's default size of a cache resolver. */
    static final long DEFAULT_CACHE_LIMIT = 1_000;

    private final AccountJwtStore store;
    private final boolean cache;
    private final boolean allowDelete;
    private final long limit;
    /** Account to JWT; in access order for the cache's evictions. */
    private final LinkedHashMap<String, String> index;
    private final byte[] hash = new byte[32];
    /** The cache's {@code ttl} in milliseconds; 0 when JWTs are kept until they expire. */
    private final long ttlMillis;
    private final LongSupplier millis;
    /** With a ttl: account to the time (millis) its JWT is dropped, renewed when it is written or read. */
    private final Map<String, Long> deadlines = new HashMap<>();
    /** JWTs found written by hand into the directory and put in force, not indexed (see loadFromDirectory). */
    private final Map<String, String> unindexed = new HashMap<>();

    private DirectoryResolver(AccountJwtStore store, boolean cache, boolean allowDelete, long limit, Duration ttl,
            LongSupplier millis) {
        this.store = store;
        this.cache = cache;
        this.allowDelete = allowDelete;
        this.limit = limit > 0 ? limit : cache ? DEFAULT_CACHE_LIMIT : Long.MAX_VALUE;
        this.index = new LinkedHashMap<>(16, 0.75f, cache);
        this.ttlMillis = ttl.toMillis();
        this.millis = millis;
    }

    /**
     * The full resolver ({@code type: full}) over {@code store}, indexing what it holds.
     *
     * @throws IllegalStateException when the store cannot be read
     */
    public static DirectoryResolver full(AccountJwtStore store, boolean allowDelete, long limit) {
        return new DirectoryResolver(store, false, allowDelete, limit, Duration.ZERO, System::currentTimeMillis)
                .indexed();
    }

    /** The cache resolver ({@code type: cache}) over {@code store}, indexing what it holds. */
    public static DirectoryResolver cache(AccountJwtStore store, long limit) {
        return cache(store, limit, Duration.ZERO, System::currentTimeMillis);
    }

    /**
     * The cache resolver with a {@code ttl}: as nats-server's expiring store, each JWT is dropped {@code ttl} after
     * it was last written or read, whatever its own expiry ({@code ttl} zero: at its expiry).
     */
    public static DirectoryResolver cache(AccountJwtStore store, long limit, Duration ttl, LongSupplier millis) {
        return new DirectoryResolver(store, true, false, limit, ttl, millis).indexed();
    }

    /** How often the ttl is checked, as nats-server: half the ttl, at most a minute; null without a ttl. */
    public Duration ttlCheckInterval() {
        return ttlMillis == 0 ? null : Duration.ofMillis(Math.min(Math.max(1, ttlMillis / 2), 60_000));
    }

    private DirectoryResolver indexed() {
        for (Map.Entry<String, String> held : store.readAll().entrySet()) {
            track(held.getKey(), held.getValue());
        }
        return this;
    }

    public boolean isCache() {
        return cache;
    }

    public boolean allowsDelete() {
        return allowDelete;
    }

    /** The JWTs in force, by account: those held and those found written by hand. */
    public synchronized Map<String, String> jwts() {
        if (unindexed.isEmpty()) {
            return Map.copyOf(index);
        }
        Map<String, String> all = new HashMap<>(unindexed);
        all.putAll(index);
        return Map.copyOf(all);
    }

    /** The JWT of {@code account}, or null. */
    public synchronized String load(String account) {
        String jwt = index.get(account);
        if (jwt != null) {
            renew(account);
        }
        return jwt;
    }

    /**
     * The JWT of {@code account} as nats-server's {@code LoadAcc} finds it: the one held, else the directory's file,
     * which someone may have written by hand since the directory was read. Such a JWT is put in force (it is among
     * {@link #jwts()} from now on) without being indexed, as nats-server's store does not index it: LIST, PACK and
     * the hash leave it out until it is saved; null for none.
     *
     * @throws ResolverException when the file cannot be read
     */
    public synchronized String loadFromDirectory(String account) throws ResolverException {
        String held = load(account);
        if (held != null) {
            return held;
        }
        String written;
        try {
            written = store.read(account);
        } catch (IllegalStateException e) {
            throw new ResolverException(message(e));
        }
        if (written != null) {
            unindexed.put(account, written);
        }
        return written;
    }

    /** The accounts held, in the order PACK and LIST name them. */
    public synchronized List<String> accounts() {
        return List.copyOf(index.keySet());
    }

    /** The XOR of the SHA-256 of every JWT held. */
    public synchronized byte[] hash() {
        return hash.clone();
    }

    /**
     * Stores the JWT of {@code account} (nats-server's {@code save}): false when the very same JWT is held already.
     *
     * @throws ResolverException {@code jwt store is full}, or the store's error
     */
    public synchronized boolean save(String account, String jwt) throws ResolverException {
        String held = index.get(account);
        if (held != null) {
            renew(account);
        }
        if (jwt.equals(held)) {
            return false;
        }
        if (held == null && index.size() >= limit) {
            if (!cache) {
                throw new ResolverException("jwt store is full");
            }
            evictEldest();
        }
        try {
            store.write(account, jwt);
        } catch (IllegalStateException e) {
            throw new ResolverException(message(e));
        }
        track(account, jwt);
        return true;
    }

    /**
     * nats-server's {@code saveIfNewer}, which preloads go through: a JWT held already is kept when it is the same
     * (same {@code jti}) or newer, and replaced otherwise.
     */
    public synchronized boolean saveIfNewer(String account, String jwt) throws ResolverException {
        String held = index.get(account);
        if (held != null) {
            Claims offered;
            try {
                offered = JwtDecoder.decode(jwt);
            } catch (JwtException e) {
                throw new ResolverException(e.getMessage());
            }
            Claims existing = decodedOrNull(held);
            if (existing != null) {
                if (existing.data().id().equals(offered.data().id())
                        || existing.data().issuedAt() > offered.data().issuedAt()) {
                    return false;
                }
                if (!offered.data().subject().equals(account)) {
                    throw new ResolverException("jwt subject nkey and provided nkey do not match");
                }
            }
        }
        return save(account, jwt);
    }

    /**
     * Deletes the JWT of {@code account}: renamed aside ({@code allow_delete}) or, for the cache, removed.
     *
     * @throws ResolverException when deleting is not allowed, or the store's error
     */
    public synchronized void delete(String account) throws ResolverException {
        if (!cache && !allowDelete) {
            throw new ResolverException("store is not set up to for delete");
        }
        try {
            store.delete(account, !cache);
        } catch (IllegalStateException e) {
            throw new ResolverException(message(e));
        }
        untrack(account);
    }

    /**
     * Drops the JWTs that have expired at {@code nowSeconds} (their files removed, as nats-server's expiration
     * tracker does); returns the accounts dropped.
     */
    public synchronized List<String> removeExpired(long nowSeconds) {
        List<String> expired = new ArrayList<>();
        if (ttlMillis != 0) {
            // The ttl decides alone when a JWT goes, as nats-server's tracker prefers it to the JWT's expiry.
            return expired;
        }
        for (Map.Entry<String, String> held : index.entrySet()) {
            Claims claims = decodedOrNull(held.getValue());
            if (claims != null && claims.data().expires() > 0 && claims.data().expires() < nowSeconds) {
                expired.add(held.getKey());
            }
        }
        return removed(expired);
    }

    /** Drops the JWTs whose ttl has passed (their files removed); returns the accounts dropped. */
    public synchronized List<String> removeStale() {
        List<String> stale = new ArrayList<>();
        long now = millis.getAsLong();
        deadlines.forEach((account, deadline) -> {
            if (deadline <= now) {
                stale.add(account);
            }
        });
        return removed(stale);
    }

    /** Removes the files of {@code accounts}; returns those removed. */
    private List<String> removed(List<String> accounts) {
        List<String> removed = new ArrayList<>();
        for (String account : accounts) {
            try {
                store.delete(account, false);
                untrack(account);
                removed.add(account);
            } catch (IllegalStateException e) {
                // Kept: tried again at the next check, as nats-server does when a removal fails.
            }
        }
        return removed;
    }

    private void renew(String account) {
        if (ttlMillis != 0) {
            deadlines.put(account, millis.getAsLong() + ttlMillis);
        }
    }

    private void evictEldest() throws ResolverException {
        Iterator<String> eldest = index.keySet().iterator();
        String account = eldest.next();
        try {
            store.delete(account, false);
        } catch (IllegalStateException e) {
            throw new ResolverException(message(e));
        }
        untrack(account);
    }

    private void track(String account, String jwt) {
        unindexed.remove(account);
        renew(account);
        String previous = index.put(account, jwt);
        if (previous != null) {
            xor(sha256(previous));
        }
        xor(sha256(jwt));
    }

    private void untrack(String account) {
        unindexed.remove(account);
        deadlines.remove(account);
        String previous = index.remove(account);
        if (previous != null) {
            xor(sha256(previous));
        }
    }

    private void xor(byte[] digest) {
        for (int i = 0; i < hash.length; i++) {
            hash[i] ^= digest[i];
        }
    }

    private static byte[] sha256(String jwt) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(jwt.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Claims decodedOrNull(String jwt) {
        try {
            return JwtDecoder.decode(jwt);
        } catch (JwtException e) {
            return null;
        }
    }

    private static String message(IllegalStateException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
