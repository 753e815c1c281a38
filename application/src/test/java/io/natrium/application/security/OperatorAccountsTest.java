package io.natrium.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.OperatorSettings;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.jwt.JwtEncoder;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The imports of preloaded account JWTs as nats-server's {@code UpdateAccountClaimsWithRefresh} adds them. */
class OperatorAccountsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final NKeySeed OPERATOR = seed(NKeyType.OPERATOR);
    private static final NKeySeed EXPORTER = seed(NKeyType.ACCOUNT);
    private static final NKeySeed IMPORTER = seed(NKeyType.ACCOUNT);
    private static final Instant NOW = Instant.ofEpochSecond(1_000);

    /** The deprecated {@code to} names the exported subject, the import's own being the local one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"to, local.help, help", "local_subject, help, local.help"})
    void aServiceImportLandsOnItsLocalSubject(String field, String subject, String value) {
        String importer = importing(Map.of("subject", subject, "account", key(EXPORTER), "type", "service",
                field, value));

        AccountsSettings accounts = accounts(importer);

        assertThat(account(accounts, IMPORTER).imports()).extracting(ImportSettings::subject, ImportSettings::to)
                .containsExactly(tuple("help", "local.help"));
        assertThat(OperatorAccounts.importsComplete(importer, accounts)).isTrue();
    }

    @Test
    void aServiceImportWhoseDeprecatedToIsNotExportedIsLeftOutAndTheAccountIncomplete() {
        String importer = importing(Map.of("subject", "help", "account", key(EXPORTER), "type", "service",
                "to", "apphelp"));

        AccountsSettings accounts = accounts(importer);

        assertThat(account(accounts, IMPORTER).imports()).isEmpty();
        assertThat(OperatorAccounts.importsComplete(importer, accounts)).isFalse();
    }

    @Test
    void aStreamImportsDeprecatedToIsAPrefix() {
        String importer = importing(Map.of("subject", "news", "account", key(EXPORTER), "type", "stream",
                "to", "from.exporter"));

        AccountsSettings accounts = accounts(importer);

        assertThat(account(accounts, IMPORTER).imports()).extracting(ImportSettings::subject, ImportSettings::prefix,
                ImportSettings::to).containsExactly(tuple("news", "from.exporter", null));
    }

    private static AccountsSettings accounts(String importer) {
        Map<String, Object> exporterNats = new LinkedHashMap<>();
        exporterNats.put("exports", List.of(Map.of("subject", "help", "type", "service"),
                Map.of("subject", "news", "type", "stream")));
        String exporter = account(EXPORTER, exporterNats);
        assertThat(OperatorStartupLog.preloadProblems(key(EXPORTER), exporter, NOW.getEpochSecond()))
                .as("the exporter's JWT").isEmpty();
        OperatorSettings operator = OperatorSettings.none().withTrustedKeys(List.of(key(OPERATOR)))
                .withResolver(ResolverSettings.memory())
                .withResolverPreload(Map.of(key(EXPORTER), exporter, key(IMPORTER), importer));
        return OperatorAccounts.of(ServerSettings.builder().operator(operator).build(), NOW);
    }

    private static String importing(Map<String, Object> imported) {
        return account(IMPORTER, Map.of("imports", List.of(imported)));
    }

    private static AccountSettings account(AccountsSettings accounts, NKeySeed key) {
        return accounts.accounts().stream().filter(account -> account.name().equals(key(key))).findFirst()
                .orElseThrow();
    }

    private static String account(NKeySeed account, Map<String, Object> nats) {
        Map<String, Object> section = new LinkedHashMap<>(nats);
        section.put("limits", Map.of("conn", -1L, "subs", -1L, "payload", -1L, "leaf", -1L, "imports", -1L, "exports", -1L,
                "wildcards", true));
        section.put("type", "account");
        section.put("version", 2L);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", "J" + key(account));
        claims.put("iat", 100L);
        claims.put("iss", key(OPERATOR));
        claims.put("sub", key(account));
        claims.put("nats", section);
        return JwtEncoder.encode(claims, OPERATOR);
    }

    private static String key(NKeySeed seed) {
        return seed.publicKey().encoded();
    }

    private static NKeySeed seed(NKeyType type) {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return NKeySeed.of(type, seed);
    }
}
