package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A verified token re-encoded and re-verified decides the same: the fuzzer writes a claim's {@code nats} section
 * (the first byte chooses an operator or an account as its issuer), the envelope around it is fixed so the
 * signature holds, and whatever decodes must decode again, after {@link GoClaimsJson} and {@link JwtEncoder} wrote
 * it back with the same key, to equal claims that validate alike. The normal test run replays the seeds under
 * {@code src/test/resources/io/natrium/domain/jwt/JwtReencodingFuzzTestInputs}; fuzz for a bounded time with
 * {@code JAZZER_FUZZ=1 ./mvnw -o -q -B -pl domain test -Dtest=JwtReencodingFuzzTest -Djazzer.max_duration=60s}.
 */
class JwtReencodingFuzzTest {

    private static final TestKey OPERATOR = TestKey.operator();
    private static final TestKey ACCOUNT = TestKey.account();
    private static final String SUBJECT = TestKey.user().publicKey();
    private static final long NOW = 1_800_000_000L;

    @FuzzTest
    void aReencodedTokenDecidesTheSame(byte[] input) {
        if (input.length == 0) {
            return;
        }
        TestKey issuer = input[0] == 'O' ? OPERATOR : ACCOUNT;
        String nats = new String(input, 1, input.length - 1, UTF_8);
        String payload = "{\"jti\":\"J\",\"iat\":1700000000,\"iss\":\"" + issuer.publicKey() + "\",\"sub\":\""
                + SUBJECT + "\",\"exp\":1900000000,\"nats\":" + nats + "}";
        Claims original;
        try {
            original = JwtDecoder.decode(TestJwts.signRaw(issuer, TestJwts.HEADER, payload));
        } catch (JwtException refused) {
            return;
        }
        String token = TestJwts.signRaw(issuer, TestJwts.HEADER, payload);

        Claims again = JwtDecoder.decode(JwtEncoder.encode(GoClaimsJson.of(token), issuer.seed()));

        assertThat(again).isEqualTo(original);
        assertThat(validation(again)).isEqualTo(validation(original));
    }

    /** What validation says of the claims now: nothing, or the first error. */
    private static String validation(Claims claims) {
        try {
            if (claims instanceof UserClaims user) {
                user.validate(NOW);
            } else if (claims instanceof AccountClaims account) {
                account.validate(NOW);
            } else if (claims instanceof OperatorClaims operator) {
                operator.validate(NOW);
            } else if (claims instanceof ActivationClaims activation) {
                activation.validate(NOW);
            }
            return "valid";
        } catch (JwtException invalid) {
            return invalid.getMessage();
        }
    }
}
