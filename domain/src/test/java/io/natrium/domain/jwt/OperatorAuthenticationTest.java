package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.auth.AuthDecision.Rejected;
import io.natrium.domain.auth.AuthMethod;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.auth.Rejection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OperatorAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String NONCE = "nonce-123";
    private static final Map<String, Object> UNLIMITED = Map.of("imports", -1, "exports", -1, "subs", -1,
            "payload", -1, "conn", -1);

    private final TestKey operator = TestKey.operator();
    private final TestKey account = TestKey.account();
    private final TestKey user = TestKey.user();
    private final Map<String, String> accounts = new HashMap<>();

    @Test
    void aUserOfAPreloadedAccountWithItsNonceSignedIsIn() {
        preload(Map.of("limits", UNLIMITED));
        String jwt = userJwt(Map.of("pub", Map.of("allow", List.of("a.>")), "subs", 5, "payload", 100,
                "tags", List.of("t:1")), NOW.getEpochSecond() + 60);

        Authenticated in = (Authenticated) decide(jwt, sign(NONCE), ConnectionType.STANDARD);

        assertThat(in.method()).isEqualTo(AuthMethod.JWT);
        assertThat(in.identity()).isEqualTo(user.publicKey());
        assertThat(in.account()).isEqualTo(account.publicKey());
        assertThat(in.permissions().publishAllowed("a.b")).isTrue();
        assertThat(in.permissions().publishAllowed("b")).isFalse();
        assertThat(in.jwt().issuerKey()).isEqualTo(account.publicKey());
        assertThat(in.jwt().nameTag()).isEqualTo("user-name");
        assertThat(in.jwt().tags()).containsExactly("t:1");
        assertThat(in.jwt().subscriptions()).isEqualTo(5);
        assertThat(in.jwt().payload()).isEqualTo(100);
        assertThat(in.jwt().expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aUserWithoutPermissionsTakesTheAccountsDefaults() {
        preload(Map.of("limits", UNLIMITED, "default_permissions", Map.of("sub", Map.of("deny", List.of("x")))));

        Authenticated in = (Authenticated) decide(userJwt(Map.of(), 0), sign(NONCE), ConnectionType.STANDARD);

        assertThat(in.permissions().subscribeAllowed("x", null)).isFalse();
        assertThat(in.permissions().subscribeAllowed("y", null)).isTrue();
        assertThat(in.jwt().expiresAt()).isNull();
    }

    @Test
    void refusalsInNatsServersOrderAndWords() {
        preload(Map.of("limits", UNLIMITED));
        String good = userJwt(Map.of(), 0);

        assertRejected(decide("", "", ConnectionType.STANDARD), Rejection.JWT_REQUIRED,
                "Authentication requires a user JWT");
        assertRejected(decide("garbage", sign(NONCE), ConnectionType.STANDARD), Rejection.USER_JWT_INVALID,
                "User JWT not valid: expected 3 chunks");
        assertRejected(decide(userJwt(Map.of(), NOW.getEpochSecond() - 1), sign(NONCE), ConnectionType.STANDARD),
                Rejection.USER_JWT_NO_LONGER_VALID, "User JWT no longer valid: claim is expired");
        assertRejected(decide(userJwt(Map.of("allowed_connection_types", List.of("WEBSOCKET")), 0), sign(NONCE),
                ConnectionType.STANDARD), Rejection.CONNECTION_TYPE_NOT_ALLOWED, null);
        assertRejected(decide(userJwt(Map.of("allowed_connection_types", List.of("UNKNOWN")), 0), sign(NONCE),
                ConnectionType.STANDARD), Rejection.CONNECTION_TYPE_NOT_ALLOWED, null);
        assertRejected(decide(good, "", ConnectionType.STANDARD), Rejection.SIGNATURE_MISSING, "Signature missing");
        assertRejected(decide(good, "!!", ConnectionType.STANDARD), Rejection.SIGNATURE_NOT_BASE64, null);
        assertRejected(decide(good, sign("another nonce"), ConnectionType.STANDARD),
                Rejection.SIGNATURE_NOT_VERIFIED, "Signature not verified");
    }

    @Test
    void theAccountMustBeKnownTrustedAndValid() {
        String jwt = userJwt(Map.of(), 0);

        assertRejected(decide(jwt, sign(NONCE), ConnectionType.STANDARD), Rejection.ACCOUNT_LOOKUP_FAILED,
                "Account JWT lookup error: account missing");
        accounts.put(account.publicKey(), TestJwts.account(TestKey.operator(), account, Map.of("limits", UNLIMITED)));
        assertRejected(decide(jwt, sign(NONCE), ConnectionType.STANDARD), Rejection.ACCOUNT_LOOKUP_FAILED,
                "Account JWT lookup error: account validation failed");
        Map<String, Object> expired = TestJwts.claims(operator, account.publicKey(), "account",
                Map.of("limits", UNLIMITED));
        expired.put("exp", NOW.getEpochSecond() - 10);
        accounts.put(account.publicKey(), TestJwts.sign(operator, expired));
        assertRejected(decide(jwt, sign(NONCE), ConnectionType.STANDARD), Rejection.ACCOUNT_LOOKUP_FAILED,
                "Account JWT lookup error: account validation failed");
    }

    @Test
    void withPinnedAccountsOnlyTheirUsersAreLetIn() {
        preload(Map.of("limits", UNLIMITED));
        String jwt = userJwt(Map.of(), 0);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Set<String> trusted = Set.of(operator.publicKey());
        ClientCredentials credentials = new ClientCredentials("", "", "", "", sign(NONCE), jwt);

        AuthDecision pinned = new OperatorAuthentication(trusted, accounts, clock, Set.of(account.publicKey()))
                .authenticate(credentials, ConnectionType.STANDARD, NONCE);
        AuthDecision other = new OperatorAuthentication(trusted, accounts, clock,
                Set.of(TestKey.account().publicKey()))
                .authenticate(credentials, ConnectionType.STANDARD, NONCE);
        AuthDecision emptyList = new OperatorAuthentication(trusted, accounts, clock, Set.of())
                .authenticate(credentials, ConnectionType.STANDARD, NONCE);

        assertThat(pinned).isInstanceOf(Authenticated.class);
        assertRejected(other, Rejection.ACCOUNT_NOT_PINNED,
                "Account " + account.publicKey() + " not listed as operator pinned account");
        assertRejected(emptyList, Rejection.ACCOUNT_NOT_PINNED, null);
    }

    @Test
    void aUserOfAnAccountWithAnAuthCalloutIsDecidedByItsJwtFirstTheCalloutComesAfter() {
        preload(Map.of("limits", UNLIMITED, "authorization",
                Map.of("auth_users", List.of(TestKey.user().publicKey()))));

        assertThat(decide(userJwt(Map.of(), 0), sign(NONCE), ConnectionType.STANDARD).authenticated()).isTrue();
    }

    @Test
    void anAccountWhoseAuthorizationSectionIsInvalidIsNotFound() {
        preload(Map.of("limits", UNLIMITED, "authorization", Map.of("auth_users", List.of("UAUTH"))));

        assertRejected(decide(userJwt(Map.of(), 0), sign(NONCE), ConnectionType.STANDARD),
                Rejection.ACCOUNT_LOOKUP_FAILED, "Account JWT lookup error: account validation failed");
    }

    @Test
    void aUserSignedByAnUnknownKeyIsRefused() {
        preload(Map.of("limits", UNLIMITED));
        TestKey stranger = TestKey.account();
        String jwt = TestJwts.user(stranger, user, Map.of("issuer_account", account.publicKey()));

        assertRejected(decide(jwt, sign(NONCE), ConnectionType.STANDARD), Rejection.USER_ISSUER_UNKNOWN,
                "User JWT issuer is not known");
    }

    @Test
    void aScopedSigningKeyGivesItsTemplate() {
        TestKey scoped = TestKey.account();
        preload(Map.of("limits", UNLIMITED, "signing_keys", List.of(Map.of("kind", "user_scope", "key",
                scoped.publicKey(), "template", Map.of("pub", Map.of("allow", List.of("{{name()}}.>")),
                        "subs", 3)))));
        String bare = TestJwts.user(scoped, user, Map.of("issuer_account", account.publicKey()));
        String withPermissions = TestJwts.user(scoped, user, Map.of("issuer_account", account.publicKey(),
                "pub", Map.of("allow", List.of(">"))));

        Authenticated in = (Authenticated) decide(bare, sign(NONCE), ConnectionType.STANDARD);

        assertThat(in.permissions().publishAllowed("user-name.x")).isTrue();
        assertThat(in.permissions().publishAllowed("other")).isFalse();
        assertThat(in.jwt().subscriptions()).isEqualTo(3);
        assertRejected(decide(withPermissions, sign(NONCE), ConnectionType.STANDARD),
                Rejection.SCOPED_USER_INVALID, "User JWT is not valid: scoped users require no permissions or "
                        + "limits set");
    }

    @Test
    void bearerTokensNeedNoSignatureUnlessTheAccountForbidsThem() {
        preload(Map.of("limits", UNLIMITED));
        String bearer = userJwt(Map.of("bearer_token", true), 0);

        assertThat(decide(bearer, "", ConnectionType.STANDARD).authenticated()).isTrue();

        preload(Map.of("limits", Map.of("imports", -1, "exports", -1, "disallow_bearer", true)));
        assertRejected(decide(bearer, "", ConnectionType.STANDARD), Rejection.BEARER_NOT_ALLOWED,
                "Account does not allow bearer token");
    }

    @Test
    void aRevokedUserIsRefusedAndOneIssuedLaterIsNot() {
        preload(Map.of("limits", UNLIMITED, "revocations", Map.of(user.publicKey(), 1_700_000_000L)));

        assertRejected(decide(userJwt(Map.of(), 0), sign(NONCE), ConnectionType.STANDARD), Rejection.USER_REVOKED,
                "User authentication revoked");

        Map<String, Object> later = TestJwts.claims(account, user.publicKey(), "user", Map.of());
        later.put("iat", 1_700_000_001L);
        assertThat(decide(TestJwts.sign(account, later), sign(NONCE), ConnectionType.STANDARD).authenticated())
                .isTrue();
    }

    @Test
    void srcAndTimesBoundWhereAndWhenAUserConnects() {
        preload(Map.of("limits", UNLIMITED));
        String fromTen = userJwt(Map.of("src", List.of("10.0.0.0/8")), 0);
        String mornings = userJwt(Map.of("times", List.of(Map.of("start", "06:00:00", "end", "11:00:00"))), 0);
        String noon = userJwt(Map.of("times", List.of(Map.of("start", "11:00:00", "end", "12:30:00"))), 0);

        assertThat(decideFrom(fromTen, "10.1.2.3").authenticated()).isTrue();
        assertRejected(decideFrom(fromTen, "192.168.1.1"), Rejection.SOURCE_NOT_ALLOWED, "Bad src Ip 192.168.1.1");
        assertRejected(decide(mornings, sign(NONCE), ConnectionType.STANDARD), Rejection.OUTSIDE_CONNECT_TIMES,
                "Outside connect times");
        Authenticated in = (Authenticated) decide(noon, sign(NONCE), ConnectionType.STANDARD);
        assertThat(in.jwt().expiresAt()).isEqualTo(NOW.plusSeconds(1800));
    }

    @Test
    void aUserJwtThatRequiresAProxyIsInOnlyWhenATrustedProxyVouched() {
        preload(Map.of("limits", UNLIMITED));
        String relayed = userJwt(Map.of("proxy_required", true), 0);
        ClientCredentials credentials = new ClientCredentials("", "", "", "", sign(NONCE), relayed);

        assertRejected(authentication().authenticate(credentials, ConnectionType.STANDARD, NONCE),
                Rejection.PROXY_REQUIRED, "proxy connection required");
        assertThat(authentication().authenticate(credentials.withTrustedProxy(true), ConnectionType.STANDARD, NONCE)
                .authenticated()).isTrue();
    }

    private void preload(Map<String, Object> nats) {
        accounts.put(account.publicKey(), TestJwts.account(operator, account, nats));
    }

    private String userJwt(Map<String, Object> nats, long expires) {
        Map<String, Object> claims = TestJwts.claims(account, user.publicKey(), "user", nats);
        if (expires != 0) {
            claims.put("exp", expires);
        }
        return TestJwts.sign(account, claims);
    }

    private String sign(String nonce) {
        return TestJwts.base64(user.sign(nonce.getBytes(UTF_8)));
    }

    private AuthDecision decide(String jwt, String signature, ConnectionType type) {
        return authentication().authenticate(new ClientCredentials("", "", "", "", signature, jwt), type, NONCE);
    }

    private AuthDecision decideFrom(String jwt, String ip) {
        return authentication().authenticate(new ClientCredentials("", "", "", "", sign(NONCE), jwt)
                .withClientIp(ip), ConnectionType.STANDARD, NONCE);
    }

    private OperatorAuthentication authentication() {
        return new OperatorAuthentication(Set.of(operator.publicKey()), accounts, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void assertRejected(AuthDecision decision, Rejection reason, String description) {
        assertThat(decision).isInstanceOf(Rejected.class);
        Rejected rejected = (Rejected) decision;
        assertThat(rejected.reason()).isEqualTo(reason);
        if (description != null) {
            assertThat(rejected.description()).isEqualTo(description);
        }
    }
}
