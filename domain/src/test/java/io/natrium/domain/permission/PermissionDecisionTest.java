package io.natrium.domain.permission;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.permission.PermissionDecision.Basis;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which entry an explained decision names; whether it allows is {@link PermissionsOracleTest}'s business. */
class PermissionDecisionTest {

    @Test
    void publishWithoutListsIsAllowedByNoList() {
        assertThat(Permissions.unrestricted().explainPublish("foo"))
                .isEqualTo(new PermissionDecision(true, Basis.NO_LIST, null, List.of()));
    }

    @Test
    void publishDenyEntryWinsOverAWiderAllowEntry() {
        Permissions permissions = Permissions.of(SubjectPermission.allowing("foo.>").andDenying("foo.secret"), null,
                null);

        assertThat(permissions.explainPublish("foo.secret"))
                .isEqualTo(new PermissionDecision(false, Basis.DENY_ENTRY, "foo.secret", List.of()));
        assertThat(permissions.explainPublish("foo.public"))
                .isEqualTo(new PermissionDecision(true, Basis.ALLOW_ENTRY, "foo.>", List.of()));
        assertThat(permissions.explainPublish("bar").basis()).isEqualTo(Basis.NO_ALLOW_ENTRY_MATCHES);
        assertThat(permissions.explainPublish("bar").entry()).isNull();
    }

    @Test
    void ofSeveralMatchingEntriesTheFirstConfiguredDecides() {
        Permissions permissions = Permissions.of(SubjectPermission.allowing("a.b", ">", "a.*")
                .andDenying("x.*", "x.>", "x.y"), null, null);

        assertThat(permissions.explainPublish("a.b").entry()).isEqualTo("a.b");
        assertThat(permissions.explainPublish("a.c").entry()).isEqualTo(">");
        assertThat(permissions.explainPublish("x.y").entry()).isEqualTo("x.*");
        assertThat(permissions.explainPublish("x.y.z").entry()).isEqualTo("x.>");
    }

    @Test
    void publishWithOnlyADenyListIsAllowedWhenItDoesNotMatch() {
        Permissions permissions = Permissions.of(SubjectPermission.denying("secret.>"), null, null);

        assertThat(permissions.explainPublish("open").basis()).isEqualTo(Basis.NO_DENY_ENTRY_MATCHES);
        assertThat(permissions.explainPublish("open").allowed()).isTrue();
    }

    @Test
    void responsePermissionsLeaveAnEmptyPublishAllowList() {
        Permissions permissions = Permissions.of(null, null, new ResponsePermission(1, null));

        assertThat(permissions.explainPublish("anything"))
                .isEqualTo(new PermissionDecision(false, Basis.NO_ALLOW_ENTRY_MATCHES, null, List.of()));
    }

    @Test
    void queueEntriesDecideQueueSubscriptions() {
        Permissions permissions = Permissions.of(null, SubjectPermission.allowing("foo", "foo v1", "bar.* q.*"),
                null);

        assertThat(permissions.explainSubscribe("foo", null))
                .isEqualTo(new PermissionDecision(true, Basis.ALLOW_ENTRY, "foo", List.of()));
        assertThat(permissions.explainSubscribe("foo", "v1"))
                .isEqualTo(new PermissionDecision(true, Basis.ALLOW_ENTRY, "foo v1", List.of()));
        assertThat(permissions.explainSubscribe("foo", "v2"))
                .isEqualTo(new PermissionDecision(false, Basis.OTHER_QUEUE_GROUPS, "foo v1", List.of()));
        assertThat(permissions.explainSubscribe("bar.x", "q.east").entry()).isEqualTo("bar.* q.*");
        assertThat(permissions.explainSubscribe("bar.x", null).basis()).isEqualTo(Basis.NO_ALLOW_ENTRY_MATCHES);
    }

    @Test
    void subscribeDenyEntriesRefusePlainAndNamedQueueSubscriptions() {
        Permissions permissions = Permissions.of(null, SubjectPermission.denying("secret", "jobs v1"), null);

        assertThat(permissions.explainSubscribe("secret", "any"))
                .isEqualTo(new PermissionDecision(false, Basis.DENY_ENTRY, "secret", List.of()));
        assertThat(permissions.explainSubscribe("jobs", "v1"))
                .isEqualTo(new PermissionDecision(false, Basis.DENY_ENTRY, "jobs v1", List.of()));
        assertThat(permissions.explainSubscribe("jobs", null).basis()).isEqualTo(Basis.NO_DENY_ENTRY_MATCHES);
    }

    @Test
    void anAllowedWildcardSubscriptionNamesTheDenyEntriesThatFilterItsDeliveries() {
        Permissions permissions = Permissions.of(null, SubjectPermission.allowing("foo.>").andDenying("foo.secret",
                "bar"), null);

        PermissionDecision decision = permissions.explainSubscribe("foo.*", null);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.entry()).isEqualTo("foo.>");
        assertThat(decision.deliveryDenies()).containsExactly("foo.secret");
        assertThat(permissions.explainSubscribe("foo.open", null).deliveryDenies()).isEmpty();
    }
}
