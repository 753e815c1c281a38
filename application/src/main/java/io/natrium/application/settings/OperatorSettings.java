package io.natrium.application.settings;

import java.util.List;
import java.util.Map;

/**
 * Decentralised (JWT) authentication: trusted operators and how accounts are resolved, kept as data.
 *
 * @param operators              operator JWTs or the files holding them ({@code operator})
 * @param trustedKeys            trusted operator public keys ({@code trusted})
 * @param resolver               the account resolver ({@code resolver}); null for none
 * @param resolverTls            TLS towards a URL resolver ({@code resolver_tls}); null for none
 * @param resolverPreload        account public key to account JWT ({@code resolver_preload}), in file order
 * @param resolverPinnedAccounts the only accounts whose users may connect ({@code resolver_pinned_accounts}); null
 *                               when not configured (an empty list lets no user in, as in nats-server)
 */
public record OperatorSettings(
        List<String> operators,
        List<String> trustedKeys,
        ResolverSettings resolver,
        TlsSettings resolverTls,
        Map<String, String> resolverPreload,
        List<String> resolverPinnedAccounts) {

    public OperatorSettings {
        operators = List.copyOf(operators);
        trustedKeys = List.copyOf(trustedKeys);
        resolverPreload = Map.copyOf(resolverPreload);
        resolverPinnedAccounts = resolverPinnedAccounts == null ? null : List.copyOf(resolverPinnedAccounts);
    }

    public static OperatorSettings none() {
        return new OperatorSettings(List.of(), List.of(), null, null, Map.of(), null);
    }

    /** True when operators or trusted keys are configured (operator mode). */
    public boolean enabled() {
        return !operators.isEmpty() || !trustedKeys.isEmpty();
    }

    public OperatorSettings withOperators(List<String> value) {
        return new OperatorSettings(value, trustedKeys, resolver, resolverTls, resolverPreload, resolverPinnedAccounts);
    }

    public OperatorSettings withTrustedKeys(List<String> value) {
        return new OperatorSettings(operators, value, resolver, resolverTls, resolverPreload, resolverPinnedAccounts);
    }

    public OperatorSettings withResolver(ResolverSettings value) {
        return new OperatorSettings(operators, trustedKeys, value, resolverTls, resolverPreload, resolverPinnedAccounts);
    }

    public OperatorSettings withResolverTls(TlsSettings value) {
        return new OperatorSettings(operators, trustedKeys, resolver, value, resolverPreload, resolverPinnedAccounts);
    }

    public OperatorSettings withResolverPreload(Map<String, String> value) {
        return new OperatorSettings(operators, trustedKeys, resolver, resolverTls, value, resolverPinnedAccounts);
    }

    public OperatorSettings withResolverPinnedAccounts(List<String> value) {
        return new OperatorSettings(operators, trustedKeys, resolver, resolverTls, resolverPreload, value);
    }
}
