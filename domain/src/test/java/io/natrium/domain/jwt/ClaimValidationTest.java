package io.natrium.domain.jwt;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimValidationTest {

    private static final long NOW = 1_800_000_000L;

    private final TestKey operator = TestKey.operator();
    private final TestKey account = TestKey.account();
    private final TestKey user = TestKey.user();

    @Test
    void anExpiredClaimIsRefusedAfterItsLastSecond() {
        Map<String, Object> claims = TestJwts.claims(account, user.publicKey(), "user", Map.of());
        claims.put("exp", NOW);
        UserClaims decoded = JwtDecoder.decodeUser(TestJwts.sign(account, claims));

        assertThatCode(() -> decoded.validate(NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> decoded.validate(NOW + 1)).isInstanceOf(JwtException.class)
                .hasMessage("claim is expired");
    }

    @Test
    void aClaimIsRefusedBeforeItsNotBefore() {
        Map<String, Object> claims = TestJwts.claims(account, user.publicKey(), "user", Map.of());
        claims.put("nbf", NOW);
        UserClaims decoded = JwtDecoder.decodeUser(TestJwts.sign(account, claims));

        assertThatThrownBy(() -> decoded.validate(NOW - 1)).hasMessage("claim is not yet valid");
        assertThatCode(() -> decoded.validate(NOW)).doesNotThrowAnyException();
    }

    @Test
    void userLimitsAreCheckedInTheLibrarysWords() {
        assertThatThrownBy(() -> user(Map.of("src", List.of("10.0.0.0/33"))).validate(NOW))
                .hasMessage("invalid cidr \"10.0.0.0/33\" in user src limits");
        assertThatThrownBy(() -> user(Map.of("src", List.of("example.com/8"))).validate(NOW))
                .hasMessage("invalid cidr \"example.com/8\" in user src limits");
        assertThatThrownBy(() -> user(Map.of("times", List.of(Map.of("end", "10:00:00")))).validate(NOW))
                .hasMessage("time ranges start must contain a start");
        assertThatThrownBy(() -> user(Map.of("times", List.of(Map.of("start", "25:00:00", "end", "10:00:00"))))
                .validate(NOW)).hasMessage("start in time range is invalid \"25:00:00\"");
        assertThatThrownBy(() -> user(Map.of("times", List.of(Map.of("start", "9:00:00", "end", "10:0:00"))))
                .validate(NOW)).hasMessage("end in time range is invalid \"10:0:00\"");
        assertThatThrownBy(() -> user(Map.of("times_location", "Mars/Olympus")).validate(NOW))
                .hasMessageStartingWith("could not parse iana time zone by name");
        assertThatThrownBy(() -> user(Map.of("pub", Map.of("allow", List.of("a q")))).validate(NOW))
                .hasMessage("Permission Subject \"a q\" is not allowed to contain queue");
        assertThatThrownBy(() -> user(Map.of("sub", Map.of("deny", List.of("a q r")))).validate(NOW))
                .hasMessage("Permission Subject \"a q r\" contains too many spaces");
        assertThatThrownBy(() -> user(Map.of("issuer_account", operator.publicKey())).validate(NOW))
                .hasMessage("account_id is not an account public key");
        assertThatCode(() -> user(Map.of("sub", Map.of("allow", List.of("a q")), "src", List.of("::1/128"),
                "times_location", "America/New_York")).validate(NOW)).doesNotThrowAnyException();
    }

    @Test
    void accountLimitsBoundItsImportsAndExports() {
        TestKey other = TestKey.account();
        Map<String, Object> anImport = Map.of("subject", "x", "account", other.publicKey(), "type", "stream");
        Map<String, Object> wildcardExport = Map.of("subject", "x.*", "type", "stream");

        assertThatThrownBy(() -> account(Map.of("imports", List.of(anImport))).validate(NOW))
                .hasMessage("the account contains more imports than allowed by the operator");
        assertThatThrownBy(() -> account(Map.of("exports", List.of(wildcardExport),
                "limits", Map.of("imports", -1, "exports", 5))).validate(NOW))
                .hasMessage("the account contains wildcard exports that are not allowed by the operator");
        assertThatCode(() -> account(Map.of("imports", List.of(anImport), "exports", List.of(wildcardExport),
                "limits", Map.of("imports", -1, "exports", -1))).validate(NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> account(Map.of("signing_keys", List.of(user.publicKey()))).validate(NOW))
                .hasMessage("\"" + user.publicKey() + "\" is not a valid account signing key");
        assertThatThrownBy(() -> account(Map.of("mappings", Map.of("a", List.of(Map.of("subject", "b"),
                Map.of("subject", "c", "weight", 1))))).validate(NOW))
                .hasMessage("Mapping \"a\" exceeds 100% among all of it's weighted to mappings");
    }

    @Test
    void anUnknownSigningKeyScopeIsRefused() {
        assertThatThrownBy(() -> account(Map.of("signing_keys", List.of(Map.of("kind", "admin_scope")))))
                .hasMessage("unknown signing key scope \"admin_scope\"");
    }

    @Test
    void operatorKeysMustBeOperatorKeys() {
        OperatorClaims claims = JwtDecoder.decodeOperator(TestJwts.operator(operator,
                Map.of("signing_keys", List.of(account.publicKey()))));

        assertThatThrownBy(() -> claims.validate(NOW)).hasMessage(account.publicKey() + " is not an operator public key");
    }

    @Test
    void anActivationNeedsAKnownKindAndASubject() {
        TestKey importer = TestKey.account();
        ActivationClaims noSubject = JwtDecoder.decodeActivation(TestJwts.sign(account,
                TestJwts.claims(account, importer.publicKey(), "activation", Map.of("kind", "stream"))));
        ActivationClaims noKind = JwtDecoder.decodeActivation(TestJwts.sign(account,
                TestJwts.claims(account, importer.publicKey(), "activation", Map.of("subject", "a"))));

        assertThatThrownBy(() -> noSubject.validate(NOW)).hasMessage("subject cannot be empty");
        assertThatThrownBy(() -> noKind.validate(NOW)).hasMessage("invalid import type: \"\"");
    }

    @Test
    void aScopedSigningKeyTakesOnlyUsersWithoutPermissions() {
        TestKey scoped = TestKey.account();
        UserScope scope = new UserScope(scoped.publicKey(), "", UserPermissionLimits.EMPTY);
        UserClaims bare = JwtDecoder.decodeUser(TestJwts.user(scoped, user, Map.of()));
        UserClaims withPermissions = JwtDecoder.decodeUser(TestJwts.user(scoped, user, Map.of("subs", -1)));
        UserClaims otherIssuer = JwtDecoder.decodeUser(TestJwts.user(account, user, Map.of()));

        assertThatCode(() -> scope.checkSigned(bare)).doesNotThrowAnyException();
        assertThatThrownBy(() -> scope.checkSigned(withPermissions))
                .hasMessage("scoped users require no permissions or limits set");
        assertThatThrownBy(() -> scope.checkSigned(otherIssuer)).hasMessage("issuer not the scoped signer");
    }

    private UserClaims user(Map<String, Object> nats) {
        return JwtDecoder.decodeUser(TestJwts.user(account, user, nats));
    }

    private AccountClaims account(Map<String, Object> nats) {
        return JwtDecoder.decodeAccount(TestJwts.account(operator, account, nats));
    }
}
