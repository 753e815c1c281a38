package io.natrium.domain.jwt;

import static io.natrium.domain.jwt.TestJwts.claims;
import static io.natrium.domain.jwt.TestJwts.map;
import static io.natrium.domain.jwt.TestJwts.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * nats-server's checks of a callout response in operator mode: who signed it, who issued the user JWT and where the
 * user goes (the callout account, or an account of its {@code allowed_accounts}), with nats-server's texts.
 */
class OperatorCalloutPlacementTest {

    private static final long NOW = 1_700_000_100L;
    private static final TestKey OPERATOR = TestKey.operator();
    private static final TestKey CALLOUT = TestKey.account();
    private static final TestKey CALLOUT_SIGNER = TestKey.account();
    private static final TestKey APP = TestKey.account();
    private static final TestKey APP_SCOPED = TestKey.account();
    private static final TestKey OTHER = TestKey.account();
    private static final String SERVER = NKeySeed.generate(NKeyType.SERVER).publicKey().encoded();
    private static final String USER = TestKey.user().publicKey();

    private final Map<String, AccountClaims> accounts = new HashMap<>();

    @Test
    void aUserIssuedByTheCalloutAccountIsPlacedThereWithItsPermissionsWhateverItsAudience() {
        callout(List.of());

        CalloutResponseCheck.Verdict verdict = check(response(CALLOUT, user(CALLOUT, map("aud", "elsewhere"))), false);

        assertThat(verdict.refusal()).isNull();
        assertThat(verdict.granted().account()).isEqualTo(CALLOUT.publicKey());
        assertThat(verdict.granted().permissions().publishAllowed("allowed.x")).isTrue();
        assertThat(verdict.granted().permissions().publishAllowed("other")).isFalse();
    }

    @Test
    void aResponseInClearMustBeSignedByTheCalloutAccountOrOneOfItsSigningKeys() {
        callout(List.of());
        String grant = user(CALLOUT, map());

        assertThat(check(response(CALLOUT_SIGNER, grant), false).refusal()).isNull();
        assertThat(check(response(OTHER, grant), false).refusal()).isEqualTo("Auth callout signing key is unknown");
        // A sealed response proved where it came from by the sealing: nats-server does not look at its signer.
        assertThat(check(response(OTHER, grant), true).refusal()).isNull();
    }

    @Test
    void aUserOfAnotherAccountMustBeAllowedByTheCalloutAccount() {
        callout(List.of());
        held(APP, map());
        String fromApp = user(APP, map());

        assertThat(check(response(CALLOUT, fromApp), false).refusal()).isEqualTo("Account \"" + APP.publicKey()
                + "\" not permitted as valid account option for auth callout for account \""
                + CALLOUT.publicKey() + "\"");

        callout(List.of(APP.publicKey()));
        CalloutResponseCheck.Verdict allowed = check(response(CALLOUT, fromApp), false);
        assertThat(allowed.refusal()).isNull();
        assertThat(allowed.granted().account()).isEqualTo(APP.publicKey());

        callout(List.of(ExternalAuthorization.ANY_ACCOUNT));
        assertThat(check(response(CALLOUT, user(OTHER, map())), false).refusal()).isEqualTo("No valid account \""
                + OTHER.publicKey() + "\" for auth callout response on account \"" + CALLOUT.publicKey()
                + "\": account missing");
    }

    @Test
    void theUsersIssuerMustBeKnownToItsAccountAndAScopedKeyGivesItsTemplate() {
        callout(List.of(APP.publicKey()));
        held(APP, map("signing_keys", List.of(map("kind", "user_scope", "key", APP_SCOPED.publicKey(),
                "template", map("pub", map("allow", List.of("scoped.>")))))));
        Map<String, Object> stranger = map("issuer_account", APP.publicKey());

        assertThat(check(response(CALLOUT, user(OTHER, stranger)), false).refusal())
                .isEqualTo("User JWT issuer \"" + OTHER.publicKey() + "\" is not known");

        Map<String, Object> scopedUser = claims(APP_SCOPED, USER, "user", map("issuer_account", APP.publicKey()));
        CalloutResponseCheck.Verdict scoped = check(response(CALLOUT, sign(APP_SCOPED, scopedUser)), false);
        assertThat(scoped.refusal()).isNull();
        assertThat(scoped.granted().account()).isEqualTo(APP.publicKey());
        assertThat(scoped.granted().permissions().publishAllowed("scoped.x")).isTrue();
        assertThat(scoped.granted().permissions().publishAllowed("allowed.x")).isFalse();
        // What a later JWT of APP is checked against: the scoped key and its scope, nats-server's SigningKey.
        assertThat(scoped.grant()).isEqualTo(new CalloutGrant(APP.publicKey(), USER,
                scoped.grant().issuedAt(), APP_SCOPED.publicKey(), accounts.get(APP.publicKey())
                        .scopeOf(APP_SCOPED.publicKey())));
        assertThat(check(response(CALLOUT, user(APP, map())), false).grant().signingKey())
                .as("issued by the account's own key").isEmpty();

        String withOwnPermissions = user(APP_SCOPED, stranger);
        assertThat(check(response(CALLOUT, withOwnPermissions), false).refusal())
                .isEqualTo("User JWT is not valid: scoped users require no permissions or limits set");
    }

    @Test
    void theAuthorizationSectionIsValidatedAsTheJwtLibraryDoes() {
        AccountClaims invalid = JwtDecoder.decodeAccount(TestJwts.account(OPERATOR, CALLOUT, map("authorization",
                map("auth_users", List.of("bob"), "allowed_accounts", List.of("*", APP.publicKey()),
                        "xkey", "XNOPE"))));
        AccountClaims usersless = JwtDecoder.decodeAccount(TestJwts.account(OPERATOR, CALLOUT, map("authorization",
                map("allowed_accounts", List.of(APP.publicKey())))));

        assertThat(invalid.issues(NOW)).extracting(ValidationIssue::description).containsExactly(
                "AuthUser \"bob\" is not a valid user public key",
                "AllowedAccounts can only be a list of accounts or \"*\"",
                "XKey \"XNOPE\" is not a valid public xkey");
        assertThat(usersless.hasExternalAuthorization()).isFalse();
        assertThat(usersless.issues(NOW)).extracting(ValidationIssue::description)
                .containsExactly("External authorization cannot have accounts without users specified");
    }

    private void callout(List<String> allowed) {
        held(CALLOUT, map("signing_keys", List.of(CALLOUT_SIGNER.publicKey()), "authorization",
                map("auth_users", List.of(TestKey.user().publicKey()), "allowed_accounts", allowed)));
    }

    private void held(TestKey account, Map<String, Object> nats) {
        accounts.put(account.publicKey(), JwtDecoder.decodeAccount(TestJwts.account(OPERATOR, account, nats)));
    }

    private CalloutResponseCheck.Verdict check(String token, boolean sealed) {
        OperatorCalloutPlacement placement = new OperatorCalloutPlacement(accounts.get(CALLOUT.publicKey()),
                accounts::get);
        return new CalloutResponseCheck(SERVER, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), placement)
                .check(token, sealed, USER, CALLOUT.publicKey());
    }

    /** A user JWT for the request's user key issued by {@code issuer}, publishing on {@code allowed.>} only. */
    private static String user(TestKey issuer, Map<String, Object> extra) {
        Map<String, Object> nats = map("pub", map("allow", List.of("allowed.>")));
        Object issuerAccount = extra.get("issuer_account");
        if (issuerAccount != null) {
            nats.put("issuer_account", issuerAccount);
        }
        Map<String, Object> user = claims(issuer, USER, "user", nats);
        if (extra.containsKey("aud")) {
            user.put("aud", extra.get("aud"));
        }
        return sign(issuer, user);
    }

    private static String response(TestKey signer, String userJwt) {
        Map<String, Object> response = claims(signer, USER, "authorization_response", map("jwt", userJwt));
        response.put("aud", SERVER);
        return sign(signer, response);
    }
}
