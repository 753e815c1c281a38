package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.application.settings.OperatorSettings;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.text.GoStrings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Operator mode, kept as data: {@code operator} (JWTs or their files), {@code trusted} keys, {@code resolver},
 * {@code resolver_tls}, {@code resolver_preload} and {@code resolver_pinned_accounts}. Reading the operator files
 * and decoding JWTs is left to the JWT support. Until it lands, the keys that turn operator mode on
 * ({@code operator}, {@code trusted}, {@code resolver}) stop the start: without them the server would take clients
 * with no JWT check at all. The others only qualify operator mode and are warned about.
 */
final class OperatorMapper {

    private OperatorMapper() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.refused(Refusal.SECURITY, (file, entry, reader) -> {
            List<String> operators = strings(entry, reader, "operators");
            update(file, operator -> operator.withOperators(operators));
        }, "operator", "operators", "roots", "root", "root_operators", "root_operator")
                .refused(Refusal.SECURITY, OperatorMapper::trusted, "trusted", "trusted_keys")
                .refused(Refusal.SECURITY, (file, entry, reader) -> update(file,
                        operator -> operator.withResolver(ResolverMapper.map(entry, reader))),
                        "resolver", "account_resolver", "accounts_resolver")
                .notYet((file, entry, reader) -> update(file,
                        operator -> operator.withResolverTls(TlsMapper.map(entry, reader, true))), "resolver_tls")
                .notYet(OperatorMapper::preload, "resolver_preload")
                .notYet((file, entry, reader) -> {
                    List<String> pinned = strings(entry, reader, "resolver_pinned_accounts");
                    update(file, operator -> operator.withResolverPinnedAccounts(pinned));
                }, "resolver_pinned_accounts");
    }

    private static void update(FileDraft file, UnaryOperator<OperatorSettings> change) {
        file.settings.operator(change);
    }

    private static void trusted(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        List<String> keys = strings(entry, reader, "trusted");
        for (String key : keys) {
            if (!AuthCalloutMapper.isKey(key, NKeyType.OPERATOR)) {
                reader.error(entry, "trust key " + GoStrings.quote(key)
                        + " required to be a valid public operator nkey");
            }
        }
        update(file, operator -> operator.withTrustedKeys(keys));
    }

    private static void preload(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "preload should be a map of account_public_key:account_jwt");
            return;
        }
        Map<String, String> preload = new LinkedHashMap<>();
        for (ConfigEntry account : block.all()) {
            if (account.value() instanceof ConfigString jwt) {
                preload.put(account.key(), jwt.value());
            } else {
                reader.error(account, "preload map value should be a string JWT");
            }
        }
        update(file, operator -> operator.withResolverPreload(preload));
    }

    /** A string or a list of strings, with nats-server's {@code error parsing <name>: unsupported type} errors. */
    private static List<String> strings(ConfigEntry entry, ConfigReader reader, String name) {
        List<String> strings = reader.stringArray(name, entry);
        return strings == null ? List.of() : strings;
    }
}
