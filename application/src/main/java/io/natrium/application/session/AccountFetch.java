package io.natrium.application.session;

import io.natrium.application.port.out.AccountJwtFetcher;
import io.natrium.application.security.OperatorTrust;
import io.natrium.application.server.ServerContext;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;

import java.util.HashMap;
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

    /** Fetches {@code account} and puts it in force; blocking, so never on a connection's thread. */
    static void fetch(ServerContext server, String account) {
        AccountJwtFetcher fetcher = server.accountFetcher();
        String jwt;
        try {
            jwt = fetcher.fetch(account).trim();
        } catch (IllegalStateException e) {
            LOG.debug("Account fetch failed: {}", e.getMessage());
            return;
        }
        try {
            AccountClaims claims = JwtDecoder.decodeAccount(jwt);
            claims.validate(System.currentTimeMillis() / 1000);
            if (!claims.data().subject().equals(account)
                    || !OperatorTrust.trustedKeys(server.settings().operator()).contains(claims.data().issuer())) {
                LOG.debug("Account fetch failed: account validation failed for {}", account);
                return;
            }
        } catch (JwtException invalid) {
            LOG.debug("Account fetch failed: {}", invalid.getMessage());
            return;
        }
        synchronized (server) {
            if (!jwt.equals(server.accountJwts().get(account))) {
                Map<String, String> jwts = new HashMap<>(server.accountJwts());
                jwts.put(account, jwt);
                Sessions.applyAccountJwts(server, jwts);
            }
        }
    }
}
