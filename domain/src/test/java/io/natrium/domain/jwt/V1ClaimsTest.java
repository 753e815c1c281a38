package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Version 1 claims (nsc before 2020, jnats's test fixtures) read as the JWT library nats-server 2.9.10 uses migrates
 * them: the top-level {@code type}, {@code tags} and {@code issuer_account} moved in, only version 1's fields kept,
 * the signature over the payload alone.
 */
class V1ClaimsTest {

    private final TestKey operator = TestKey.operator();
    private final TestKey account = TestKey.account();
    private final TestKey user = TestKey.user();

    /** A version 1 claim: the type at the top, no version, signed as version 1 signed (the payload's chunk). */
    private static String v1(TestKey issuer, String subject, String type, Map<String, Object> top,
            Map<String, Object> nats) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", "JTI" + subject.hashCode());
        claims.put("iat", 1_600_000_000L);
        claims.put("iss", issuer.publicKey());
        claims.put("sub", subject);
        claims.put("type", type);
        claims.putAll(top);
        claims.put("nats", nats);
        String header = TestJwts.base64("{\"typ\":\"jwt\",\"alg\":\"ed25519\"}".getBytes(UTF_8));
        String payload = TestJwts.base64(TestJwts.json(claims).getBytes(UTF_8));
        return header + "." + payload + "." + TestJwts.base64(issuer.sign(payload.getBytes(UTF_8)));
    }

    @Test
    void aUserTakesItsTopLevelFieldsAndOnlyVersionOnesLimitsUnlimitedWhenAbsent() {
        UserClaims claims = JwtDecoder.decodeUser(v1(account, user.publicKey(), "user",
                Map.of("tags", List.of("a"), "issuer_account", "AISSUER"),
                Map.of("pub", Map.of("allow", List.of("foo.>")), "bearer_token", true, "data", 1024,
                        "allowed_connection_types", List.of("STANDARD"))));

        assertThat(claims.version()).isEqualTo(1);
        assertThat(claims.issuerAccount()).isEqualTo("AISSUER");
        assertThat(claims.tags()).containsExactly("a");
        assertThat(claims.limits().permissions().publish().allow()).containsExactly("foo.>");
        assertThat(claims.limits().bearerToken()).isTrue();
        assertThat(claims.limits().data()).isEqualTo(1024);
        assertThat(claims.limits().subscriptions()).isEqualTo(-1);
        assertThat(claims.limits().payload()).isEqualTo(-1);
        // Version 1 had no connection types: the library's migration drops them.
        assertThat(claims.limits().allowedConnectionTypes()).isEmpty();
    }

    @Test
    void anAccountKeepsVersionOnesSectionsOnly() {
        TestKey signing = TestKey.account();
        AccountClaims claims = JwtDecoder.decodeAccount(v1(operator, account.publicKey(), "account",
                Map.of("tags", List.of("t")), Map.of("signing_keys", List.of(signing.publicKey()),
                        "limits", Map.of("conn", 5), "default_permissions", Map.of("pub", Map.of("deny",
                                List.of(">"))))));

        assertThat(claims.version()).isEqualTo(1);
        assertThat(claims.signingKeys()).containsOnlyKeys(signing.publicKey());
        assertThat(claims.limits().connections()).isEqualTo(5);
        assertThat(claims.defaultPermissions()).isEqualTo(JwtPermissions.NONE);
        assertThat(claims.tags()).containsExactly("t");
    }

    @Test
    void anOperatorAndAnActivationAreMigratedAsTheLibraryMigratesThem() {
        OperatorClaims op = JwtDecoder.decodeOperator(v1(operator, operator.publicKey(), "operator", Map.of(),
                Map.of("system_account", account.publicKey(), "assert_server_version", "9.9.9")));
        ActivationClaims activation = JwtDecoder.decodeActivation(v1(account, TestKey.account().publicKey(),
                "activation", Map.of("issuer_account", "AISSUER"), Map.of("subject", "a.>", "type", "stream")));

        assertThat(op.systemAccount()).isEqualTo(account.publicKey());
        assertThat(op.assertServerVersion()).isEmpty();
        assertThat(activation.importSubject()).isEqualTo("a.>");
        assertThat(activation.importType()).isEqualTo("stream");
        assertThat(activation.issuerAccount()).isEqualTo("AISSUER");
    }

    @Test
    void aVersionOneClaimMustBeSignedAsVersionOneSignedAndByItsIssuer() {
        Map<String, Object> claims = TestJwts.claims(account, user.publicKey(), "user", Map.of());
        ((Map<String, Object>) claims.get("nats")).remove("version");
        claims.put("type", "user");
        String signedAsV2 = TestJwts.sign(account, claims);
        String[] chunks = v1(account, user.publicKey(), "user", Map.of(), Map.of()).split("\\.");
        String forged = chunks[0] + "." + chunks[1] + "."
                + TestJwts.base64(TestKey.account().sign(chunks[1].getBytes(UTF_8)));

        assertThatThrownBy(() -> JwtDecoder.decode(signedAsV2))
                .hasMessage("claim failed V1 signature verification");
        assertThatThrownBy(() -> JwtDecoder.decode(forged)).hasMessage("claim failed V1 signature verification");
    }
}
