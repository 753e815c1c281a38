package io.natrium.domain.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScopeTemplatesTest {

    private final TestKey operator = TestKey.operator();
    private final TestKey account = TestKey.account();
    private final TestKey user = TestKey.user();

    @Test
    void namesKeysAndTagsAreFilledIn() {
        UserClaims claims = user(Map.of("tags", List.of("dept:eng", "dept:ops", "site:x")));
        AccountClaims acc = account(Map.of("tags", List.of("region:eu")));
        UserPermissionLimits template = template(List.of("{{name()}}.>", "k.{{subject()}}",
                "acc.{{account-name()}}", "{{tag(dept)}}.{{account-tag(region)}}"), List.of());

        UserPermissionLimits filled = ScopeTemplates.apply(template, claims, acc);

        assertThat(filled.permissions().publish().allow()).containsExactly("user-name.>", "k." + user.publicKey(),
                "acc.account-name", "eng.eu", "ops.eu");
        assertThat(filled.permissions().publish().deny()).isEmpty();
    }

    @Test
    void anAllowListEmptiedByMissingTagsDeniesEverything() {
        UserPermissionLimits filled = ScopeTemplates.apply(template(List.of("{{tag(dept)}}.in"), List.of()),
                user(Map.of()), account(Map.of()));

        assertThat(filled.permissions().publish().allow()).isEmpty();
        assertThat(filled.permissions().publish().deny()).containsExactly(">");
    }

    @Test
    void anUnknownPlaceholderDropsAnAllowAndRefusesADeny() {
        UserPermissionLimits allow = ScopeTemplates.apply(template(List.of("a.{{nope()}}", "b"), List.of()),
                user(Map.of()), account(Map.of()));

        assertThat(allow.permissions().publish().allow()).containsExactly("b");
        assertThatThrownBy(() -> ScopeTemplates.apply(template(List.of(), List.of("a.{{nope()}}")), user(Map.of()),
                account(Map.of()))).isInstanceOf(JwtException.class).hasMessage("generated invalid subject");
    }

    @Test
    void listsWithoutPlaceholdersStayAsTheyAre() {
        UserPermissionLimits template = template(List.of("a", "b.*"), List.of("c"));

        assertThat(ScopeTemplates.apply(template, user(Map.of()), account(Map.of()))).isEqualTo(template);
    }

    private static UserPermissionLimits template(List<String> allow, List<String> deny) {
        return UserPermissionLimits.EMPTY.withPermissions(new JwtPermissions(new SubjectRules(allow, deny),
                SubjectRules.NONE, null));
    }

    private UserClaims user(Map<String, Object> nats) {
        return JwtDecoder.decodeUser(TestJwts.user(account, user, nats));
    }

    private AccountClaims account(Map<String, Object> nats) {
        return JwtDecoder.decodeAccount(TestJwts.account(operator, account, nats));
    }
}
