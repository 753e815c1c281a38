package io.natrium.application.security;

import io.natrium.application.settings.OperatorSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.OperatorAuthentication;
import io.natrium.domain.jwt.OperatorClaims;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator mode of the settings: the operator JWTs the config trusts (already decoded once by the config loader,
 * which reports their errors), the keys accounts must be signed by, and the CONNECT decision over the resolver's
 * account JWTs.
 */
public final class OperatorTrust {

    private OperatorTrust() {
    }

    /** The decoded operator JWTs; the loader refused the settings had one not decoded. */
    public static List<OperatorClaims> operators(OperatorSettings settings) {
        List<OperatorClaims> operators = new ArrayList<>();
        for (String jwt : settings.operators()) {
            operators.add(JwtDecoder.decodeOperator(jwt));
        }
        return operators;
    }

    /**
     * nats-server's trusted keys: the {@code trusted} ones, then each operator's own key (unless it asks for strict
     * signing key usage) and its signing keys.
     */
    public static Set<String> trustedKeys(OperatorSettings settings) {
        Set<String> keys = new LinkedHashSet<>(settings.trustedKeys());
        for (OperatorClaims operator : operators(settings)) {
            if (!operator.strictSigningKeyUsage()) {
                keys.add(operator.data().subject());
            }
            keys.addAll(operator.signingKeys());
        }
        return keys;
    }

    /** The CONNECT decision of operator mode, or null when the settings do not turn it on. */
    public static OperatorAuthentication authentication(ServerSettings settings, Clock clock) {
        return authentication(settings, settings.operator().resolverPreload(), clock);
    }

    /** The CONNECT decision over {@code accountJwts}, the resolver's account JWTs; null outside operator mode. */
    public static OperatorAuthentication authentication(ServerSettings settings, Map<String, String> accountJwts,
            Clock clock) {
        OperatorSettings operator = settings.operator();
        if (!operator.enabled()) {
            return null;
        }
        return new OperatorAuthentication(trustedKeys(operator), accountJwts, clock, pinnedAccounts(settings));
    }

    /**
     * {@code resolver_pinned_accounts} as nats-server's {@code validateTrustedOperators} completes it: with operators
     * and a non-empty list, the system account (the config's, else the operator JWT's) is always pinned too; null
     * when no list is configured.
     */
    static Set<String> pinnedAccounts(ServerSettings settings) {
        OperatorSettings operator = settings.operator();
        List<String> listed = operator.resolverPinnedAccounts();
        if (listed == null) {
            return null;
        }
        Set<String> pinned = new LinkedHashSet<>(listed);
        if (!pinned.isEmpty() && !operator.operators().isEmpty()) {
            String system = systemAccount(settings);
            if (system != null && !system.isEmpty()) {
                pinned.add(system);
            }
        }
        return pinned;
    }

    /** The system account: the config's, or with a single operator and none in the config, that operator's. */
    private static String systemAccount(ServerSettings settings) {
        String named = settings.accounts().systemAccount();
        if (named != null && !named.isEmpty()) {
            return named;
        }
        List<OperatorClaims> operators = operators(settings.operator());
        return operators.size() == 1 ? operators.get(0).systemAccount() : null;
    }
}
