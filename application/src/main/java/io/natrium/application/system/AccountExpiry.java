package io.natrium.application.system;

import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.resolver.DirectoryResolver;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.Sessions;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Account JWTs expiring while the server runs, as nats-server's account expiration timers and its directory store's
 * expiration check handle them: when an account JWT in force expires, its clients are closed with
 * {@code Account Authentication Expired} (the accounts are put in force again without it) and a directory resolver
 * drops the JWT; a cache resolver with a {@code ttl} drops the JWTs held longer than that instead (their accounts
 * stay in force). Checked at the next expiry, at least every minute (or half the ttl), on the system thread; the
 * timer ends with that thread.
 */
final class AccountExpiry {

    private static final long MAX_WAIT_SECONDS = 60;

    private final ServerContext server;
    private final SessionExecutor executor;
    /** The directory resolver, or null for the memory resolver. */
    private final DirectoryResolver directory;
    private final LongSupplier clock;
    private ScheduledTask timer;
    /** Expiries up to this second were handled. */
    private long checkedUpTo;

    AccountExpiry(ServerContext server, SessionExecutor executor, DirectoryResolver directory, LongSupplier clock) {
        this.server = server;
        this.executor = executor;
        this.directory = directory;
        this.clock = clock;
        this.checkedUpTo = clock.getAsLong();
    }

    /** Checks now and arms the timer for the next expiry; again after the JWTs in force changed. */
    void check() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        long now = clock.getAsLong();
        Set<String> expired = new HashSet<>();
        long next = now + MAX_WAIT_SECONDS;
        for (Map.Entry<String, String> held : server.accountJwts().entrySet()) {
            long expires = expiresOf(held.getValue());
            if (expires <= 0) {
                continue;
            }
            // nats-server counts the second of exp valid: the account ends once that second is over.
            if (expires >= checkedUpTo && expires < now) {
                expired.add(held.getKey());
            } else if (expires >= now) {
                next = Math.min(next, expires + 1);
            }
        }
        checkedUpTo = now;
        if (!expired.isEmpty()) {
            server.accountsExpired(expired);
            Map<String, String> remaining = new HashMap<>(server.accountJwts());
            if (directory != null) {
                directory.removeExpired(now).forEach(remaining::remove);
            }
            Sessions.applyAccountJwts(server, remaining);
        }
        long wait = Math.max(1, next - now);
        if (directory != null && directory.ttlCheckInterval() != null) {
            // A JWT the cache's ttl drops leaves its account in force, as nats-server keeps a loaded account.
            directory.removeStale();
            wait = Math.min(wait, Math.max(1, directory.ttlCheckInterval().toSeconds()));
        }
        timer = executor.schedule(this::check, wait, TimeUnit.SECONDS);
    }

    private static long expiresOf(String jwt) {
        try {
            return JwtDecoder.decode(jwt).data().expires();
        } catch (JwtException e) {
            return 0;
        }
    }
}
