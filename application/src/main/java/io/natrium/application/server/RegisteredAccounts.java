package io.natrium.application.server;

import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.Import;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts of operator mode nats-server has registered ({@code s.accounts}): it loads an account when first used
 * (a client's CONNECT names it, the system account at start) and, with it, the accounts it imports from. The memory
 * resolver updates only those ({@code jwt update skipped} for the others). Natrium holds every preloaded account from
 * the start, so only the answer to an update reads this. Thread-safe.
 */
public final class RegisteredAccounts {

    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    /**
     * Registers {@code account} and, through their JWTs in {@code jwts}, the accounts it imports from (again when a
     * new JWT may have brought new imports).
     */
    public void register(String account, Map<String, String> jwts) {
        registered.add(account);
        String jwt = jwts.get(account);
        if (jwt == null) {
            return;
        }
        AccountClaims claims;
        try {
            claims = JwtDecoder.decodeAccount(jwt);
        } catch (JwtException invalid) {
            return;
        }
        for (Import imported : claims.imports()) {
            String exporter = imported.account();
            if (exporter != null && registered.add(exporter)) {
                register(exporter, jwts);
            }
        }
    }

    public boolean contains(String account) {
        return registered.contains(account);
    }
}
