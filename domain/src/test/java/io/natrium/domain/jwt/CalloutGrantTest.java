package io.natrium.domain.jwt;

import static io.natrium.domain.jwt.TestJwts.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.jwt.CalloutGrant.Standing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What a new JWT of its account does to a user an operator-mode callout let in, as nats-server's
 * {@code updateAccountClaimsWithRefresh}: revocations at or after its iat, a signing key removed or rescoped.
 */
class CalloutGrantTest {

    private static final long ISSUED = 1_700_000_000L;
    private static final TestKey OPERATOR = TestKey.operator();
    private static final TestKey APP = TestKey.account();
    private static final TestKey SIGNER = TestKey.account();
    private static final String USER = TestKey.user().publicKey();
    private static final Map<String, Object> TEMPLATE = map("pub", map("allow", List.of("scoped.>")));

    @Test
    void aGrantStaysUnlessItsKeyOrAllAreRevokedAtOrAfterItsIssue() {
        CalloutGrant grant = new CalloutGrant(APP.publicKey(), USER, ISSUED, "", null);

        assertThat(grant.under(app(map()))).isEqualTo(Standing.KEPT);
        assertThat(grant.under(app(map("revocations", map(USER, ISSUED - 1))))).isEqualTo(Standing.KEPT);
        assertThat(grant.under(app(map("revocations", map(TestKey.user().publicKey(), ISSUED + 5)))))
                .isEqualTo(Standing.KEPT);
        assertThat(grant.under(app(map("revocations", map(USER, ISSUED))))).isEqualTo(Standing.REVOKED);
        assertThat(grant.under(app(map("revocations", map("*", ISSUED + 5))))).isEqualTo(Standing.REVOKED);
    }

    @Test
    void aGrantIssuedByASigningKeyEndsWhenTheKeyGoesOrItsScopeChanges() {
        AccountClaims scoped = app(map("signing_keys", List.of(scope(TEMPLATE))));
        CalloutGrant grant = new CalloutGrant(APP.publicKey(), USER, ISSUED, SIGNER.publicKey(),
                scoped.scopeOf(SIGNER.publicKey()));

        assertThat(grant.under(scoped)).isEqualTo(Standing.KEPT);
        assertThat(grant.under(app(map()))).isEqualTo(Standing.SIGNER_CHANGED);
        assertThat(grant.under(app(map("signing_keys", List.of(scope(map("sub", map("allow",
                List.of("other.>"))))))))).isEqualTo(Standing.SIGNER_CHANGED);
        assertThat(grant.under(app(map("signing_keys", List.of(SIGNER.publicKey())))))
                .as("the key, now without a scope").isEqualTo(Standing.SIGNER_CHANGED);
    }

    @Test
    void aGrantIssuedByTheAccountsOwnKeyIsNotTiedToItsSigningKeys() {
        CalloutGrant grant = new CalloutGrant(APP.publicKey(), USER, ISSUED, "", null);

        assertThat(grant.under(app(map("signing_keys", List.of(scope(TEMPLATE)))))).isEqualTo(Standing.KEPT);
    }

    private static Map<String, Object> scope(Map<String, Object> template) {
        return map("kind", "user_scope", "key", SIGNER.publicKey(), "template", template);
    }

    private static AccountClaims app(Map<String, Object> nats) {
        return JwtDecoder.decodeAccount(TestJwts.account(OPERATOR, APP, nats));
    }
}
