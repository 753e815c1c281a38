package io.natrium.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.jwt.JwtEncoder;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OperatorStartupLogTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final NKeySeed OPERATOR = seed(NKeyType.OPERATOR);
    private static final NKeySeed ACCOUNT = seed(NKeyType.ACCOUNT);

    @Test
    void aUsableAccountIsNotLogged() {
        String jwt = account(Map.of("limits", Map.of("conn", -1L)), 0);

        assertThat(OperatorStartupLog.preloadProblems(key(), jwt, 1_000L)).isEmpty();
    }

    @Test
    void anUnusableAccountIsLoggedWithEveryIssue() {
        Map<String, Object> nats = new LinkedHashMap<>();
        nats.put("mappings", Map.of("a", List.of(Map.of("subject", "b.>"))));
        String jwt = account(nats, 500);

        assertThat(OperatorStartupLog.preloadProblems(key(), jwt, 1_000L)).containsExactly(
                "Account [" + key() + "] has validation issues:", "  - claim is expired",
                "  - Subject \"b.>\" in weighted mapping \"a\" is not allowed to contains wildcard");
    }

    @Test
    void anAccountThatDoesNotDecodeIsNotValid() {
        assertThat(OperatorStartupLog.preloadProblems(key(), "not.a.jwt", 1_000L))
                .containsExactly("Preloaded account [" + key() + "] not valid");
    }

    private static String key() {
        return ACCOUNT.publicKey().encoded();
    }

    private static String account(Map<String, Object> nats, long expires) {
        Map<String, Object> section = new LinkedHashMap<>(nats);
        section.put("type", "account");
        section.put("version", 2L);
        Map<String, Object> claims = new LinkedHashMap<>();
        if (expires != 0) {
            claims.put("exp", expires);
        }
        claims.put("jti", "J");
        claims.put("iat", 100L);
        claims.put("sub", key());
        claims.put("nats", section);
        return JwtEncoder.encode(claims, OPERATOR);
    }

    private static NKeySeed seed(NKeyType type) {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return NKeySeed.of(type, seed);
    }
}
