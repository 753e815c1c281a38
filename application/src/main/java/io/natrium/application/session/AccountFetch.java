package io.natrium.application.session;

import io.natrium.application.port.out.AccountJwtFetcher;
import io.natrium.application.security.OperatorTrust;
import io.natrium.application.server.ServerContext;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.Import;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The URL resolver's lookups, as nats-server's {@code fetchAccount}: an account a user JWT names and the server does
 * not hold yet is fetched from the account server before the CONNECT is decided, and once it decodes as that
 * account, trusted and valid, it is held from then on (updates come over {@code $SYS}). Nothing else is kept: what
 * could not be fetched, or was garbage, is asked for again by the next client.
 */
final class AccountFetch {

    private static final Logger LOG = LoggerFactory.getLogger(AccountFetch.class);
    /** A bound on one client's fetches through chains of imports, so that a long chain cannot hold it for long. */
    private static final int MAX_ACCOUNTS_PER_FETCH = 32;
    /** nats-server's {@code ErrAccountValidation}. */
    private static final String ACCOUNT_VALIDATION_FAILED = "account validation failed";

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
     *
     * @return null when the account is in force now; else why not, as nats-server's {@code fetchAccount} says it
     */
    static String fetch(ServerContext server, String account) {
        Map<String, String> fetched = new LinkedHashMap<>();
        String failure = fetchWithImports(server, account, fetched);
        if (fetched.isEmpty()) {
            return failure;
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
        }
        return null;
    }

    /**
     * Adds {@code account}'s JWT to {@code fetched} when it is valid, after the accounts it imports from; returns why
     * it was not, or null.
     */
    private static String fetchWithImports(ServerContext server, String account, Map<String, String> fetched) {
        Fetched one = fetchOne(server, account);
        if (one.failure() != null) {
            return one.failure();
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
        return null;
    }

    /** A fetched JWT and its claims, or why there is none. */
    private record Fetched(String jwt, AccountClaims claims, String failure) {

        static Fetched failed(String failure) {
            return new Fetched(null, null, failure);
        }
    }

    /** The valid, trusted JWT the account server has for {@code account}, or nats-server's error. */
    private static Fetched fetchOne(ServerContext server, String account) {
        String jwt;
        try {
            jwt = server.accountFetcher().fetch(account).trim();
        } catch (IllegalStateException e) {
            LOG.debug("Account fetch failed: {}", e.getMessage());
            return Fetched.failed(e.getMessage());
        }
        AccountClaims claims;
        try {
            claims = JwtDecoder.decodeAccount(jwt);
        } catch (JwtException invalid) {
            LOG.debug("Account fetch failed: {}", invalid.getMessage());
            return Fetched.failed(invalid.getMessage());
        }
        // nats-server's verifyAccountClaims names no detail: untrusted, invalid or another account's JWT fail alike.
        if (!claims.data().subject().equals(account) || !valid(claims)
                || !OperatorTrust.trustedKeys(server.settings().operator()).contains(claims.data().issuer())) {
            LOG.debug("Account fetch failed: account validation failed for {}", account);
            return Fetched.failed(ACCOUNT_VALIDATION_FAILED);
        }
        return new Fetched(jwt, claims, null);
    }

    private static boolean valid(AccountClaims claims) {
        try {
            claims.validate(System.currentTimeMillis() / 1000);
            return true;
        } catch (JwtException invalid) {
            return false;
        }
    }
}
