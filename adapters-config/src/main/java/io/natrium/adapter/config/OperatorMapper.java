package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.application.settings.OperatorSettings;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.jwt.DecoratedJwt;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;
import io.natrium.domain.text.GoStrings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Operator mode: {@code operator} (JWTs or their files, read and decoded here), {@code trusted} keys,
 * {@code resolver}, {@code resolver_tls}, {@code resolver_preload} and {@code resolver_pinned_accounts}.
 */
final class OperatorMapper {

    private static final String JWT_PREFIX = "eyJ";

    private OperatorMapper() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on(OperatorMapper::operators, "operator", "operators", "roots", "root", "root_operators",
                        "root_operator")
                .on(OperatorMapper::trusted, "trusted", "trusted_keys")
                .on(OperatorMapper::resolver, "resolver", "account_resolver", "accounts_resolver")
                .on((file, entry, reader) -> update(file,
                        operator -> operator.withResolverTls(TlsMapper.map(entry, reader, true))), "resolver_tls")
                .on(OperatorMapper::preload, "resolver_preload")
                .on(OperatorMapper::pinnedAccounts, "resolver_pinned_accounts");
    }

    /**
     * Each operator is a file holding its JWT (decorated or not) or, when no such file can be read, the JWT itself
     * (when it starts as one does); the settings keep the JWTs, decoded here once so their errors are the config's.
     */
    private static void operators(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        List<String> jwts = new ArrayList<>();
        for (String operator : strings(entry, reader, "operators")) {
            try {
                String jwt = DecoratedJwt.jwt(read(operator));
                JwtDecoder.decodeOperator(jwt);
                jwts.add(jwt);
            } catch (JwtException | IOException invalid) {
                reader.error(entry, "error parsing operator JWT: " + message(invalid, operator));
            }
        }
        update(file, operator -> operator.withOperators(jwts));
    }

    private static String read(String operator) throws IOException {
        try {
            return Files.readString(Path.of(operator));
        } catch (IOException | InvalidPathException unreadable) {
            if (!operator.startsWith(JWT_PREFIX)) {
                throw unreadable instanceof IOException io ? io : new IOException(unreadable.getMessage());
            }
            return operator;
        }
    }

    /** An unreadable file in Go's words ({@code open x: no such file or directory}), a JWT error as is. */
    private static String message(Exception problem, String operator) {
        if (problem instanceof NoSuchFileException) {
            return "open " + operator + ": no such file or directory";
        }
        if (problem instanceof IOException) {
            return "open " + operator + ": " + problem.getMessage();
        }
        return problem.getMessage();
    }

    /** The resolver: memory, URL or directory. */
    private static void resolver(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        ResolverSettings resolver = ResolverMapper.map(entry, reader);
        update(file, operator -> operator.withResolver(resolver));

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

    /** A list, even an empty one (which, as in nats-server, lets no user in), or a single account. */
    private static void pinnedAccounts(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        List<String> pinned = reader.stringArray("resolver_pinned_accounts", entry);
        if (pinned != null) {
            update(file, operator -> operator.withResolverPinnedAccounts(pinned));
        }
    }

    private static void preload(FileDraft file, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "preload should be a map of account_public_key:account_jwt");
            return;
        }
        Map<String, String> preload = new LinkedHashMap<>();
        for (ConfigEntry account : block.all()) {
            if (account.value() instanceof ConfigString jwt) {
                if (isAccountJwt(jwt.value())) {
                    preload.put(account.key(), jwt.value());
                } else {
                    reader.error(account, "invalid account JWT");
                }
            } else {
                reader.error(account, "preload map value should be a string JWT");
            }
        }
        update(file, operator -> operator.withResolverPreload(preload));
    }

    /** nats-server checks that each preloaded JWT decodes as an account; expiry and the like are warned at start. */
    private static boolean isAccountJwt(String jwt) {
        try {
            JwtDecoder.decodeAccount(jwt);
            return true;
        } catch (JwtException invalid) {
            return false;
        }
    }

    /** A string or a list of strings, with nats-server's {@code error parsing <name>: unsupported type} errors. */
    private static List<String> strings(ConfigEntry entry, ConfigReader reader, String name) {
        List<String> strings = reader.stringArray(name, entry);
        return strings == null ? List.of() : strings;
    }
}
