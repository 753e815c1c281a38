package io.natrium.domain.permission;

import static io.natrium.domain.permission.ClientPermissionsTest.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The per-connection decision caches: what they keep, how they prune, and that a hit is the fresh answer. */
class PermissionCacheTest {

    private static final long NOW = 0L;

    private final Permissions publishRules =
            Permissions.of(SubjectPermission.allowing("ok.>").andDenying("ok.secret"), null, null);

    @Test
    void aHitGivesTheSameDecisionAsTheCheck() {
        ClientPermissions client = ClientPermissions.of(publishRules);

        for (String subject : List.of("ok.a", "ok.secret", "nope")) {
            boolean first = client.canPublish(subject, NOW);
            boolean second = client.canPublish(view(subject), NOW);
            assertThat(second).as(subject).isEqualTo(first).isEqualTo(publishRules.publishAllowed(subject));
        }
        assertThat(client.cachedPublishDecisions()).isEqualTo(3);
    }

    @Test
    void aViewProbeHitsTheEntryItsStringMade() {
        ClientPermissions client = ClientPermissions.of(publishRules);
        client.canPublish("ok.a", NOW);

        client.canPublish(view("ok.a"), NOW);
        client.canPublish(view("ok.a"), NOW);

        assertThat(client.cachedPublishDecisions()).isEqualTo(1);
    }

    @Test
    void thePublishCacheIsEmptiedWhenItOutgrowsItsMaximum() {
        ClientPermissions client = ClientPermissions.of(publishRules);
        for (int i = 0; i < PermissionCache.MAX_ENTRIES; i++) {
            client.canPublish("ok." + i, NOW);
        }
        assertThat(client.cachedPublishDecisions()).isEqualTo(PermissionCache.MAX_ENTRIES);

        client.canPublish("ok.secret", NOW);
        assertThat(client.cachedPublishDecisions()).isZero();

        assertThat(client.canPublish("ok.secret", NOW)).isFalse();
        assertThat(client.canPublish("ok.1", NOW)).isTrue();
        assertThat(client.cachedPublishDecisions()).isEqualTo(2);
    }

    @Test
    void decisionsThatDependOnTrackedRepliesAreNeverCached() {
        ClientPermissions client = ClientPermissions.of(
                Permissions.of(SubjectPermission.allowing("ok"), null, ResponsePermission.defaults()));
        client.trackReply("reply", NOW);

        assertThat(client.canPublish("reply", NOW)).isTrue();
        assertThat(client.canPublish("reply", NOW)).isFalse();
        assertThat(client.canPublish("ok", NOW)).isTrue();

        assertThat(client.cachedPublishDecisions()).as("only 'ok'").isEqualTo(1);
    }

    @Test
    void theDeliveryCacheDropsABatchWhenItOutgrowsItsMaximum() {
        ClientPermissions client = ClientPermissions.of(Permissions.of(null, SubjectPermission.denying("d"), null));
        client.canSubscribe(">", null);
        for (int i = 0; i < DeliveryDenyCache.MAX_ENTRIES; i++) {
            client.deliveryDenied("s" + i, i % 2 == 0 ? null : "q");
        }
        assertThat(client.cachedDeliveryDecisions()).isEqualTo(DeliveryDenyCache.MAX_ENTRIES);

        client.deliveryDenied("d", null);

        assertThat(client.cachedDeliveryDecisions())
                .isEqualTo(DeliveryDenyCache.MAX_ENTRIES + 1 - DeliveryDenyCache.PRUNE_COUNT);
        assertThat(client.deliveryDenied("d", null)).isTrue();
        assertThat(client.deliveryDenied(view("d"), "q")).isTrue();
        assertThat(client.deliveryDenied("s1", "q")).isFalse();
    }

    @Test
    void theUncachedReferenceKeepsNothing() {
        ClientPermissions client = ClientPermissions.uncached(
                Permissions.of(SubjectPermission.denying("x"), SubjectPermission.denying("y"), null));
        client.canSubscribe("*", null);

        assertThat(client.canPublish("x", NOW)).isFalse();
        assertThat(client.deliveryDenied("y", null)).isTrue();
        assertThat(client.cachedPublishDecisions()).isZero();
        assertThat(client.cachedDeliveryDecisions()).isZero();
    }
}
