package io.natrium.application.session;

import io.natrium.application.port.out.AccountJwtFetcher;
import io.natrium.application.security.OperatorTrust;
import io.natrium.application.server.ServerContext;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.Import;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;
import io.natrium.domain.text.GoDurations;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lookups of the URL resolver and of the directory resolvers, as nats-server's {@code fetchAccount}: an account
 * a user JWT names and the server does not hold yet is fetched (from the account server, or the directory and the
 * other servers) before the CONNECT is decided, and once it decodes as that account, trusted and valid, it is held
 * from then on (updates come over {@code $SYS}). Nothing else is kept: what could not be fetched, or was garbage, is
 * asked for again by the next client.
 */
final class AccountFetch {

    private static final Logger LOG = LoggerFactory.getLogger(AccountFetch.class);
    /** A bound on one client's fetches through chains of imports, so that a long chain cannot hold it for long. */
    private static final int MAX_ACCOUNTS_PER_FETCH = 32;

    private AccountFetch() {
    }

    /** The account to fetch before deciding these credentials; null when there is none to fetch. */
    static String accountToFetch(ServerContext server, ClientCredentials credentials) {
        if (server.accountFetcher() == null || credentials.jwt().isEmpty()) {
            return null;
        }
        try {
            String account = JwtDecoder.decodeUser(credentials.jwt()).account();
            return server.accountJwts().containsKey(account) ? null : account;
        } catch (JwtException invalid) {
            // Refused by the decision itself, in nats-server's words.
            return null;
        }
    }

    /**
     * Fetches {@code account} and puts it in force; blocking, so never on a connection's thread. The accounts it
     * imports from and the server does not hold are fetched first, as nats-server's account update looks each of them
     * up, so that its imports work from the start.
     */
    static void fetch(ServerContext server, String account) {
        Map<String, String> fetched = new LinkedHashMap<>();
        fetchWithImports(server, account, fetched);
        if (fetched.isEmpty()) {
            return;
        }
        synchronized (server) {
            Map<String, String> jwts = new HashMap<>(server.accountJwts());
            boolean changed = false;
            for (Map.Entry<String, String> entry : fetched.entrySet()) {
                changed |= !entry.getValue().equals(jwts.put(entry.getKey(), entry.getValue()));
            }
            if (changed) {
                Sessions.applyAccountJwts(server, jwts);
            }
            // nats-server registers what it fetched, whether the client then gets in or not.
            fetched.keySet().forEach(fetchedAccount -> server.registeredAccounts().register(fetchedAccount, jwts));
        }
    }

    /** Adds {@code account}'s JWT to {@code fetched} when it is valid, after the accounts it imports from. */
    private static void fetchWithImports(ServerContext server, String account, Map<String, String> fetched) {
        Fetched one = fetchOne(server, account);
        if (one == null) {
            return;
        }
        // Marked before its imports are fetched: accounts importing from each other are fetched once.
        fetched.put(account, null);
        for (Import imported : one.claims().imports()) {
            String exporter = imported.account();
            if (exporter != null && !fetched.containsKey(exporter) && !server.accountJwts().containsKey(exporter)
                    && fetched.size() < MAX_ACCOUNTS_PER_FETCH) {
                fetchWithImports(server, exporter, fetched);
            }
        }
        fetched.put(account, one.jwt());
    }

    private record Fetched(String jwt, AccountClaims claims) {
    }

    /** nats-server's {@code fetchRawAccountClaims} line: a warning past a second. */
    private static void took(String account, long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        if (took.compareTo(Duration.ofSeconds(1)) > 0) {
            LOG.warn("Account [{}] fetch took {}", account, GoDurations.format(took));
        } else {
            LOG.debug("Account [{}] fetch took {}", account, GoDurations.format(took));
        }
    }

    /** The valid, trusted JWT the account server has for {@code account}; null for none. */
    private static Fetched fetchOne(ServerContext server, String account) {
        String jwt;
        long start = System.nanoTime();
        try {
            jwt = server.accountFetcher().fetch(account).trim();
        } catch (IllegalStateException e) {
            took(account, start);
            LOG.warn("Account fetch failed: {}", e.getMessage());
            return null;
        }
        took(account, start);
        try {
            AccountClaims claims = JwtDecoder.decodeAccount(jwt);
            claims.validate(System.currentTimeMillis() / 1000);
            if (!claims.data().subject().equals(account)
                    || !OperatorTrust.trustedKeys(server.settings().operator()).contains(claims.data().issuer())) {
                LOG.debug("Account fetch failed: account validation failed for {}", account);
                return null;
            }
            return new Fetched(jwt, claims);
        } catch (JwtException invalid) {
            LOG.debug("Account fetch failed: {}", invalid.getMessage());
            return null;
        }
    }
}
