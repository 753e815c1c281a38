package io.natrium.domain.jwt;

import static io.natrium.domain.jwt.TestJwts.map;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JwtEncoderTest {

    private static final TestKey OPERATOR = TestKey.operator();
    private static final TestKey ACCOUNT = TestKey.account();

    @Test
    void anEncodedUserVerifiesWithTheSignersKeyAndReadsAsItWasWritten() {
        TestKey user = TestKey.user();
        String original = TestJwts.user(ACCOUNT, user, map("pub", map("allow", List.of("a.>")), "subs", 3,
                "tags", List.of("t")));

        String encoded = JwtEncoder.encode(GoClaimsJson.of(original), ACCOUNT.seed());

        UserClaims decoded = JwtDecoder.decodeUser(encoded);
        assertThat(decoded).isEqualTo(JwtDecoder.decodeUser(original));
        String[] chunks = encoded.split("\\.");
        assertThat(new String(Base64.getUrlDecoder().decode(chunks[0]), UTF_8))
                .isEqualTo("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}");
        assertThat(new String(Base64.getUrlDecoder().decode(chunks[1]), UTF_8)).isEqualTo("{\"jti\":\"JTI"
                + user.publicKey().hashCode() + "\",\"iat\":1700000000,\"iss\":\"" + ACCOUNT.publicKey()
                + "\",\"name\":\"user-name\",\"sub\":\"" + user.publicKey() + "\",\"nats\":{\"pub\":{\"allow\":"
                + "[\"a.\\u003e\"]},\"sub\":{},\"subs\":3,\"tags\":[\"t\"],\"type\":\"user\",\"version\":2}}");
    }

    @Test
    void theIssuerIsTheSignersKey() {
        Map<String, Object> claims = new LinkedHashMap<>(GoClaimsJson.of(TestJwts.account(OPERATOR, ACCOUNT,
                map())));
        TestKey other = TestKey.operator();

        AccountClaims decoded = JwtDecoder.decodeAccount(JwtEncoder.encode(claims, other.seed()));

        assertThat(decoded.data().issuer()).isEqualTo(other.publicKey());
        assertThat(decoded.data().subject()).isEqualTo(ACCOUNT.publicKey());
    }

    @Test
    void claimsWithoutSubjectAreNotEncoded() {
        Map<String, Object> claims = new LinkedHashMap<>(GoClaimsJson.of(TestJwts.account(OPERATOR, ACCOUNT,
                map())));
        claims.remove("sub");

        assertThatThrownBy(() -> JwtEncoder.encode(claims, OPERATOR.seed())).isInstanceOf(JwtException.class)
                .hasMessage("subject is not set");
    }
}
