package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JwtDecoderTest {

    private final TestKey operator = TestKey.operator();
    private final TestKey account = TestKey.account();
    private final TestKey user = TestKey.user();

    @Test
    void decodesAnOperatorWithItsSigningKeysAndSystemAccount() {
        TestKey signing = TestKey.operator();
        String token = TestJwts.operator(operator, Map.of("signing_keys", List.of(signing.publicKey()),
                "system_account", account.publicKey(), "account_server_url", "http://localhost:9090/jwt/v1",
                "strict_signing_key_usage", true, "tags", List.of("env:prod")));

        OperatorClaims claims = JwtDecoder.decodeOperator(token);

        assertThat(claims.data().subject()).isEqualTo(operator.publicKey());
        assertThat(claims.data().issuedAt()).isEqualTo(1_700_000_000L);
        assertThat(claims.data().name()).isEqualTo("operator-name");
        assertThat(claims.data().isSelfSigned()).isTrue();
        assertThat(claims.systemAccount()).isEqualTo(account.publicKey());
        assertThat(claims.accountServerUrl()).isEqualTo("http://localhost:9090/jwt/v1");
        assertThat(claims.strictSigningKeyUsage()).isTrue();
        assertThat(claims.tags()).containsExactly("env:prod");
        assertThat(claims.signedBy(signing.publicKey())).isTrue();
        assertThat(claims.signedBy(TestKey.operator().publicKey())).isFalse();
        claims.validate(1_700_000_000L);
    }

    @Test
    void decodesAnAccountWithEverySection() {
        TestKey signing = TestKey.account();
        TestKey scoped = TestKey.account();
        TestKey exporter = TestKey.account();
        Map<String, Object> nats = Map.of(
                "limits", Map.of("subs", 10, "data", -1, "payload", 1024, "imports", -1, "exports", -1,
                        "wildcards", true, "conn", 2, "leaf", -1, "disallow_bearer", true),
                "exports", List.of(Map.of("name", "help", "subject", "help.>", "type", "service", "token_req", true,
                        "response_type", "Stream", "response_threshold", 2_000_000_000L,
                        "service_latency", Map.of("sampling", 50, "results", "lat"),
                        "revocations", Map.of(exporter.publicKey(), 5), "account_token_position", 2)),
                "imports", List.of(Map.of("name", "feed", "subject", "feed", "account", exporter.publicKey(),
                        "local_subject", "in.feed", "type", "stream", "token", "tok")),
                "signing_keys", List.of(signing.publicKey(), Map.of("kind", "user_scope", "key",
                        scoped.publicKey(), "role", "dev", "template", Map.of("pub", Map.of("allow",
                                List.of("dev.>")), "subs", 5))),
                "revocations", Map.of(user.publicKey(), 1_700_000_100L, "*", 10),
                "default_permissions", Map.of("pub", Map.of("deny", List.of("secret"))),
                "mappings", Map.of("a", List.of(Map.of("subject", "b", "weight", 40), Map.of("subject", "c", "weight", 60))),
                "description", "an account", "tags", List.of("team:blue"));

        AccountClaims claims = JwtDecoder.decodeAccount(TestJwts.account(operator, account, nats));

        assertThat(claims.data().issuer()).isEqualTo(operator.publicKey());
        assertThat(claims.limits()).isEqualTo(new AccountLimits(10, -1, 1024, -1, -1, true, true, 2, -1));
        Export export = claims.exports().get(0);
        assertThat(export.isService()).isTrue();
        assertThat(export.tokenRequired()).isTrue();
        assertThat(export.responseType()).isEqualTo("Stream");
        assertThat(export.responseThreshold()).isEqualTo(Duration.ofSeconds(2));
        assertThat(export.latencySampling()).isEqualTo("50");
        assertThat(export.latencyResults()).isEqualTo("lat");
        assertThat(export.accountTokenPosition()).isEqualTo(2);
        assertThat(export.revocations().isRevoked(exporter.publicKey(), 5)).isTrue();
        assertThat(claims.imports()).containsExactly(new Import("feed", "feed", exporter.publicKey(), "tok", "",
                "in.feed", "stream", false));
        assertThat(claims.signedBy(signing.publicKey())).isTrue();
        assertThat(claims.signedBy(scoped.publicKey())).isTrue();
        assertThat(claims.signedBy(account.publicKey())).isTrue();
        assertThat(claims.signedBy(user.publicKey())).isFalse();
        assertThat(claims.scopeOf(signing.publicKey())).isNull();
        UserScope scope = claims.scopeOf(scoped.publicKey());
        assertThat(scope.role()).isEqualTo("dev");
        assertThat(scope.template().permissions().publish().allow()).containsExactly("dev.>");
        assertThat(scope.template().subscriptions()).isEqualTo(5);
        assertThat(claims.revocations().isRevoked(user.publicKey(), 1_700_000_100L)).isTrue();
        assertThat(claims.revocations().isRevoked(user.publicKey(), 1_700_000_101L)).isFalse();
        assertThat(claims.revocations().isRevoked(TestKey.user().publicKey(), 10)).isTrue();
        assertThat(claims.defaultPermissions().publish().deny()).containsExactly("secret");
        assertThat(claims.mappings().get("a")).containsExactly(new WeightedMapping("b", 40, ""),
                new WeightedMapping("c", 60, ""));
        assertThat(claims.description()).isEqualTo("an account");
        assertThat(claims.tags()).containsExactly("team:blue");
        claims.validate(1_700_000_000L);
    }

    @Test
    void decodesAUserWithPermissionsAndLimits() {
        Map<String, Object> nats = TestJwts.map(
                "pub", Map.of("allow", List.of("a.>"), "deny", List.of("a.b")),
                "sub", Map.of("allow", List.of("c q")),
                "resp", Map.of("max", 3, "ttl", 5_000_000_000L),
                "subs", 7, "data", -1, "payload", 512,
                "src", List.of("10.0.0.0/8", "2001:db8::/32"),
                "times", List.of(Map.of("start", "08:00:00", "end", "17:00:00")),
                "times_location", "Europe/Berlin", "bearer_token", true,
                "allowed_connection_types", List.of("STANDARD", "WEBSOCKET"));

        UserClaims claims = JwtDecoder.decodeUser(TestJwts.user(account, user, nats));

        UserPermissionLimits limits = claims.limits();
        assertThat(limits.permissions().publish()).isEqualTo(new SubjectRules(List.of("a.>"), List.of("a.b")));
        assertThat(limits.permissions().subscribe().allow()).containsExactly("c q");
        assertThat(limits.permissions().response()).isEqualTo(new ResponseRule(3, Duration.ofSeconds(5)));
        assertThat(limits.subscriptions()).isEqualTo(7);
        assertThat(limits.data()).isEqualTo(-1);
        assertThat(limits.payload()).isEqualTo(512);
        assertThat(limits.sources()).containsExactly("10.0.0.0/8", "2001:db8::/32");
        assertThat(limits.times()).containsExactly(new TimeRange("08:00:00", "17:00:00"));
        assertThat(limits.locale()).isEqualTo("Europe/Berlin");
        assertThat(limits.bearerToken()).isTrue();
        assertThat(limits.allowedConnectionTypes()).containsExactly("STANDARD", "WEBSOCKET");
        assertThat(claims.account()).isEqualTo(account.publicKey());
        claims.validate(1_700_000_000L);
    }

    @Test
    void aUserSignedByASigningKeyBelongsToItsIssuerAccount() {
        TestKey signing = TestKey.account();

        UserClaims claims = JwtDecoder.decodeUser(TestJwts.user(signing, user,
                Map.of("issuer_account", account.publicKey())));

        assertThat(claims.data().issuer()).isEqualTo(signing.publicKey());
        assertThat(claims.account()).isEqualTo(account.publicKey());
    }

    @Test
    void srcMayBeACommaSeparatedString() {
        UserClaims claims = JwtDecoder.decodeUser(TestJwts.user(account, user,
                Map.of("src", "10.0.0.0/8, 192.168.1.0/24")));

        assertThat(claims.limits().sources()).containsExactly("10.0.0.0/8", "192.168.1.0/24");
    }

    @Test
    void decodesAnActivation() {
        TestKey importer = TestKey.account();
        String token = TestJwts.sign(account, TestJwts.claims(account, importer.publicKey(), "activation",
                Map.of("subject", "help.>", "kind", "service")));

        ActivationClaims claims = JwtDecoder.decodeActivation(token);

        assertThat(claims.data().subject()).isEqualTo(importer.publicKey());
        assertThat(claims.importSubject()).isEqualTo("help.>");
        assertThat(claims.importType()).isEqualTo("service");
        assertThat(claims.exporter()).isEqualTo(account.publicKey());
        claims.validate(1_700_000_000L);
    }

    @Test
    void anUnknownKindIsGeneric() {
        Claims claims = JwtDecoder.decode(TestJwts.sign(account,
                TestJwts.claims(account, "anything", "note", Map.of())));

        assertThat(claims).isInstanceOf(GenericClaims.class);
        assertThat(claims.type()).isEqualTo("note");
    }

    @Test
    void aClaimOfAnotherKindIsRefusedWhereOneKindIsExpected() {
        String account = TestJwts.account(operator, this.account, Map.of());

        assertThatThrownBy(() -> JwtDecoder.decodeUser(account)).isInstanceOf(JwtException.class)
                .hasMessage("not user claim");
        assertThatThrownBy(() -> JwtDecoder.decodeOperator(account)).hasMessage("not operator claim");
        assertThatThrownBy(() -> JwtDecoder.decodeActivation(account)).hasMessage("not activation claim");
        assertThatThrownBy(() -> JwtDecoder.decodeAccount(TestJwts.user(this.account, user, Map.of())))
                .hasMessage("not account claim");
    }

    @Test
    void aSignatureByAnotherKeyThanTheIssuerIsRefused() {
        Map<String, Object> claims = TestJwts.claims(account, user.publicKey(), "user", Map.of());

        String forged = TestJwts.sign(TestKey.account(), claims);

        assertThatThrownBy(() -> JwtDecoder.decode(forged)).isInstanceOf(JwtException.class)
                .hasMessage("claim failed V2 signature verification");
    }

    @Test
    void aChangedPayloadIsRefused() {
        String token = TestJwts.user(account, user, Map.of("subs", 1));
        String[] chunks = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(chunks[1]), UTF_8)
                .replace("\"subs\":1", "\"subs\":9");
        String tampered = chunks[0] + "." + TestJwts.base64(payload.getBytes(UTF_8)) + "." + chunks[2];

        assertThatThrownBy(() -> JwtDecoder.decode(tampered)).hasMessage("claim failed V2 signature verification");
    }

    @Test
    void theIssuerMustBeOfTheKindTheClaimExpects() {
        String userByOperator = TestJwts.user(operator, user, Map.of());
        String operatorByAccount = TestJwts.sign(account, TestJwts.claims(account, operator.publicKey(), "operator",
                Map.of()));
        String accountByUser = TestJwts.account(user, account, Map.of());

        assertThatThrownBy(() -> JwtDecoder.decode(userByOperator))
                .hasMessage("unable to validate expected prefixes - [account]");
        assertThatThrownBy(() -> JwtDecoder.decode(operatorByAccount))
                .hasMessage("unable to validate expected prefixes - [operator]");
        assertThatThrownBy(() -> JwtDecoder.decode(accountByUser))
                .hasMessage("unable to validate expected prefixes - [account operator]");
    }

    @Test
    void anIssuerThatIsNoKeyIsRefused() {
        Map<String, Object> claims = TestJwts.claims(account, user.publicKey(), "user", Map.of());
        claims.put("iss", "AFORGED");

        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.sign(account, claims)))
                .hasMessage("claim failed V2 signature verification");
    }

    @Test
    void onlyTheNkeyAlgorithmAndTheJwtTypeAreAccepted() {
        String payload = TestJwts.json(TestJwts.claims(account, user.publicKey(), "user", Map.of()));

        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.signRaw(account,
                "{\"typ\":\"JWT\",\"alg\":\"none\"}", payload))).hasMessage("unexpected \"none\" algorithm");
        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.signRaw(account,
                "{\"typ\":\"JWT\",\"alg\":\"HS256\"}", payload))).hasMessage("unexpected \"HS256\" algorithm");
        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.signRaw(account,
                "{\"typ\":\"JWT\",\"alg\":\"ed25519-nkeyx\"}", payload)))
                .hasMessage("unexpected \"ed25519-nkeyx\" algorithm");
        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.signRaw(account,
                "{\"typ\":\"JWS\",\"alg\":\"ed25519-nkey\"}", payload))).hasMessage("not supported type \"JWS\"");
        // The library takes version 1's algorithm too and tells the version from the payload.
        assertThat(JwtDecoder.decode(TestJwts.signRaw(account, "{\"typ\":\"JWT\",\"alg\":\"ed25519\"}", payload)))
                .isInstanceOf(UserClaims.class);
        // Case does not matter to the JWT library.
        assertThat(JwtDecoder.decode(TestJwts.signRaw(account, "{\"typ\":\"jwt\",\"alg\":\"ED25519-NKEY\"}",
                payload))).isInstanceOf(UserClaims.class);
    }

    @Test
    void malformedTokensAreRefused() {
        String token = TestJwts.user(account, user, Map.of());
        String[] chunks = token.split("\\.");

        assertThatThrownBy(() -> JwtDecoder.decode("a.b")).hasMessage("expected 3 chunks");
        assertThatThrownBy(() -> JwtDecoder.decode(token + ".x")).hasMessage("expected 3 chunks");
        assertThatThrownBy(() -> JwtDecoder.decode(null)).hasMessage("expected 3 chunks");
        assertThatThrownBy(() -> JwtDecoder.decode(chunks[0] + "=." + chunks[1] + "." + chunks[2]))
                .isInstanceOf(JwtException.class).hasMessageStartingWith("illegal base64 data");
        assertThatThrownBy(() -> JwtDecoder.decode(chunks[0] + "." + chunks[1] + "." + chunks[2] + "+"))
                .isInstanceOf(JwtException.class).hasMessageStartingWith("illegal base64 data");
        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.signRaw(account, TestJwts.HEADER, "[1,2]")))
                .isInstanceOf(JwtException.class).hasMessageContaining("cannot unmarshal array");
        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.signRaw(account, TestJwts.HEADER, "{\"iss\":")))
                .hasMessage("unexpected end of JSON input");
    }

    @Test
    void fieldsOfTheWrongTypeAreRefused() {
        Map<String, Object> claims = TestJwts.claims(account, user.publicKey(), "user", Map.of("subs", "many"));
        Map<String, Object> fraction = TestJwts.claims(account, user.publicKey(), "user", Map.of("subs", 1.5));

        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.sign(account, claims)))
                .hasMessage("json: cannot unmarshal string into Go struct field nats.subs of type int64");
        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.sign(account, fraction)))
                .hasMessage("json: cannot unmarshal number 1.5 into Go struct field nats.subs of type int64");
    }

    @Test
    void newerAndUnversionedClaimsAreRefused() {
        Map<String, Object> newer = TestJwts.claims(account, user.publicKey(), "user", Map.of());
        ((Map<String, Object>) newer.get("nats")).put("version", 3);
        Map<String, Object> unversioned = TestJwts.claims(account, user.publicKey(), "user", Map.of());
        ((Map<String, Object>) unversioned.get("nats")).remove("version");

        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.sign(account, newer)))
                .hasMessage("JWT was generated by a newer version ");
        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.sign(account, unversioned)))
                .hasMessage("library supports version 2 or less - received 0");
    }

    @Test
    void clusterAndServerClaimsAreRefused() {
        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.sign(operator,
                TestJwts.claims(operator, "x", "cluster", Map.of())))).hasMessage("ClusterClaims are not supported");
        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.sign(operator,
                TestJwts.claims(operator, "x", "server", Map.of())))).hasMessage("ServerClaims are not supported");
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutExhaustingTheStack() {
        String payload = "{\"nats\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThatThrownBy(() -> JwtDecoder.decode(TestJwts.signRaw(account, TestJwts.HEADER, payload)))
                .isInstanceOf(JwtException.class);
    }
}
