package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The decoder on hostile input throws nothing but {@link JwtException}. Raw bytes rarely get past the base64 and the
 * signature, so the second property signs whatever payload the fuzzer makes with a real key, which puts the JSON
 * reader and every claim reader and check within its reach. The normal test run replays the seeds under
 * {@code src/test/resources/io/natrium/domain/jwt/JwtDecoderFuzzTestInputs}; fuzz one method for a bounded time
 * with {@code JAZZER_FUZZ=1 ./mvnw -o -q -B -pl domain test -Dtest='JwtDecoderFuzzTest#signedPayloadsFailOnlyAsJwtErrors'
 * -Djazzer.max_duration=60s}.
 */
class JwtDecoderFuzzTest {

    private static final TestKey ISSUER = TestKey.account();
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @FuzzTest
    void anyTextFailsOnlyAsAJwtError(byte[] input) {
        try {
            use(JwtDecoder.decode(new String(input, UTF_8)));
        } catch (JwtException refused) {
            // The one way to refuse.
        }
    }

    @FuzzTest
    void signedPayloadsFailOnlyAsJwtErrors(FuzzedDataProvider data) {
        String header = data.consumeBoolean() ? TestJwts.HEADER : data.consumeString(64);
        String payload = data.consumeRemainingAsString();
        try {
            use(JwtDecoder.decode(TestJwts.signRaw(ISSUER, header, payload)));
        } catch (JwtException refused) {
            // The one way to refuse.
        }
    }

    /** Runs every check a server makes on a decoded claim, so they too meet the fuzzed values. */
    private static void use(Claims claims) {
        long now = NOW.toEpochSecond();
        if (claims instanceof UserClaims user) {
            user.validate(now);
            ConnectTimes.allowance(user.limits(), NOW, ZoneOffset.UTC);
            for (String source : user.limits().sources()) {
                Cidr.parse(source).contains("10.0.0.1");
            }
        } else if (claims instanceof AccountClaims account) {
            account.validate(now);
            for (UserScope scope : account.signingKeys().values()) {
                if (scope != null) {
                    UserClaims someone = new UserClaims(account.data(), UserPermissionLimits.EMPTY, "",
                            account.tags(), 2);
                    ScopeTemplates.apply(scope.template(), someone, account);
                }
            }
        } else if (claims instanceof OperatorClaims operator) {
            operator.validate(now);
        } else if (claims instanceof ActivationClaims activation) {
            activation.validate(now);
        }
    }
}
