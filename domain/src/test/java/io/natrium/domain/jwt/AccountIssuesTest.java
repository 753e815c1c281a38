package io.natrium.domain.jwt;

import static io.natrium.domain.jwt.TestJwts.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** All of the JWT library's {@code Validate} findings Natrium checks, as nats-server lists them at start. */
class AccountIssuesTest {

    private static final TestKey OPERATOR = TestKey.operator();
    private static final TestKey ACCOUNT = TestKey.account();

    @Test
    void everyIssueIsListedInTheLibrarysOrderAndTheFirstRefusingOneRefuses() {
        Map<String, Object> claims = TestJwts.claims(OPERATOR, ACCOUNT.publicKey(), "account", map(
                "limits", map("imports", 0, "exports", 0, "wildcards", false, "conn", 5),
                "imports", List.of(map("subject", "a", "account", TestKey.account().publicKey(), "type", "stream")),
                "exports", List.of(map("subject", "x.>", "type", "stream")),
                "mappings", map("m", List.of(map("subject", "n.*")))));
        claims.put("exp", 1_000L);
        AccountClaims account = JwtDecoder.decodeAccount(TestJwts.sign(OPERATOR, claims));

        List<ValidationIssue> issues = account.issues(2_000L);

        assertThat(issues).extracting(ValidationIssue::description).containsExactly("claim is expired",
                "Subject \"n.*\" in weighted mapping \"m\" is not allowed to contains wildcard",
                "the account contains more imports than allowed by the operator",
                "the account contains more imports than allowed by the operator",
                "the account contains more exports than allowed by the operator",
                "the account contains wildcard exports that are not allowed by the operator");
        assertThat(issues.get(0).timeCheck()).isTrue();
        assertThat(issues.get(0).blocking()).isFalse();
        assertThat(issues.subList(1, issues.size())).allMatch(ValidationIssue::blocking);
        assertThatThrownBy(() -> account.validate(2_000L)).hasMessage("claim is expired");
    }

    @Test
    void limitsInASelfSignedAccountAreOnlyAWarning() {
        AccountClaims account = JwtDecoder.decodeAccount(TestJwts.account(ACCOUNT, ACCOUNT,
                map("limits", map("conn", -1))));

        assertThat(account.issues(2_000L)).containsExactly(
                new ValidationIssue("self-signed account JWTs shouldn't contain operator limits", false, false));
        account.validate(2_000L);
    }

    @Test
    void anAccountWithoutLimitsIsCheckedOnlyOnceForItsImports() {
        AccountClaims account = JwtDecoder.decodeAccount(TestJwts.account(OPERATOR, ACCOUNT, map("imports",
                List.of(map("subject", "a", "account", TestKey.account().publicKey(), "type", "stream")))));

        assertThat(account.issues(2_000L)).extracting(ValidationIssue::description)
                .containsExactly("the account contains more imports than allowed by the operator");
    }

    @Test
    void anImportsDeprecatedToIsAWarningBeforeTheOtherContentIssues() {
        AccountClaims account = JwtDecoder.decodeAccount(TestJwts.account(OPERATOR, ACCOUNT, map(
                "limits", map("imports", -1, "exports", -1, "wildcards", true),
                "imports", List.of(map("subject", "svc", "account", TestKey.account().publicKey(), "type", "service",
                        "to", "local.svc")),
                "mappings", map("m", List.of(map("subject", "n.*"))))));

        assertThat(account.issues(2_000L)).containsExactly(
                new ValidationIssue("the field to has been deprecated (use LocalSubject instead)", false, false),
                new ValidationIssue("Subject \"n.*\" in weighted mapping \"m\" is not allowed to contains wildcard",
                        true, false));
    }
}
