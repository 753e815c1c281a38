package io.natrium.domain.permission;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.subject.SubjectView;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The per-connection state: SUB arming the delivery filter, delivery-time denies, and the reserved queue group. */
class ClientPermissionsTest {

    private static final long NOW = 1_000L;

    @Test
    void aWildcardSubscriptionOverADenyIsAllowedAndTheDeniedSubjectFilteredAtDelivery() {
        ClientPermissions client = ClientPermissions.of(
                Permissions.of(null, new SubjectPermission(List.of("foo.*"), List.of("foo.bar")), null));

        assertThat(client.canSubscribe("foo.*", null)).isTrue();

        assertThat(client.deliveryDenied("foo.bar", null)).isTrue();
        assertThat(client.deliveryDenied("foo.baz", null)).isFalse();
        assertThat(client.deliveryDenied(view("foo.bar"), null)).isTrue();
        assertThat(client.canSubscribe("foo.bar", null)).as("the literal itself is refused").isFalse();
    }

    @Test
    void theDeliveryFilterStaysOffUntilASubscriptionCanReceiveADeniedSubject() {
        ClientPermissions client = ClientPermissions.of(
                Permissions.of(null, SubjectPermission.denying("foo.bar", "secret.>"), null));

        assertThat(client.canSubscribe("foo.baz", null)).isTrue();
        assertThat(client.canSubscribe("other.*", null)).isTrue();
        assertThat(client.deliveryFilterArmed()).isFalse();
        assertThat(client.deliveryDenied("foo.bar", null)).as("no subscription can receive it").isFalse();

        assertThat(client.canSubscribe(">", null)).isTrue();

        assertThat(client.deliveryFilterArmed()).isTrue();
        assertThat(client.deliveryDenied("foo.bar", null)).isTrue();
        assertThat(client.deliveryDenied("secret.plans", null)).isTrue();
        assertThat(client.deliveryDenied("foo.baz", null)).isFalse();
    }

    @Test
    void aQueueSubscriptionArmsTheFilterForQueueDenies() {
        ClientPermissions client = ClientPermissions.of(
                Permissions.of(null, SubjectPermission.denying("work v1"), null));

        assertThat(client.canSubscribe("work", "v1")).isFalse();
        assertThat(client.canSubscribe("work", "v2")).isTrue();
        assertThat(client.canSubscribe("*", "v1")).isTrue();

        assertThat(client.deliveryDenied("work", "v1")).isTrue();
        assertThat(client.deliveryDenied("work", "v2")).isFalse();
        assertThat(client.deliveryDenied("work", null)).isFalse();
    }

    @Test
    void aRefusedSubscriptionDoesNotArmTheFilter() {
        ClientPermissions client = ClientPermissions.of(
                Permissions.of(null, new SubjectPermission(List.of("a.>"), List.of("b.c")), null));

        assertThat(client.canSubscribe("b.*", null)).isFalse();

        assertThat(client.deliveryFilterArmed()).isFalse();
    }

    @Test
    void noClientMayJoinTheSystemQueueGroup() {
        ClientPermissions unrestricted = ClientPermissions.of(Permissions.unrestricted());

        assertThat(unrestricted.canSubscribe("foo", ClientPermissions.SYSTEM_QUEUE_GROUP)).isFalse();
        assertThat(unrestricted.canSubscribe("foo", "_sys")).isTrue();
        assertThat(unrestricted.canSubscribe("_sys_", null)).isTrue();
    }

    @Test
    void publishingFollowsThePermissionsForStringsAndViews() {
        ClientPermissions client = ClientPermissions.of(
                Permissions.of(SubjectPermission.allowing("orders.>").andDenying("orders.secret"), null, null));

        assertThat(client.canPublish("orders.new", NOW)).isTrue();
        assertThat(client.canPublish(view("orders.new"), NOW)).isTrue();
        assertThat(client.canPublish("orders.secret", NOW)).isFalse();
        assertThat(client.canPublish(view("orders.secret"), NOW)).isFalse();
        assertThat(client.canPublish(view("billing"), NOW)).isFalse();
    }

    @Test
    void anUnrestrictedClientKeepsNoState() {
        ClientPermissions client = ClientPermissions.of(Permissions.unrestricted());

        assertThat(client.canPublish("anything", NOW)).isTrue();
        assertThat(client.canSubscribe(">", "q")).isTrue();
        assertThat(client.deliveryDenied("anything", null)).isFalse();
        client.trackReply("_INBOX.1", NOW);

        assertThat(client.cachedPublishDecisions()).isZero();
        assertThat(client.cachedDeliveryDecisions()).isZero();
        assertThat(client.trackedReplies()).isZero();
    }

    /** On reload nats-server checks every existing subscription again; refused ones are removed. */
    @Test
    void newPermissionsAreAppliedByCheckingExistingSubscriptionsAgain() {
        Permissions narrower = Permissions.of(null, new SubjectPermission(List.of("a.*"), List.of("a.b")), null);
        ClientPermissions reloaded = ClientPermissions.of(narrower);

        assertThat(reloaded.canSubscribe("a.*", null)).isTrue();
        assertThat(reloaded.canSubscribe("c", null)).isFalse();
        assertThat(PermissionViolation.removedSubscription("c", null, "2"))
                .isEqualTo("Permissions Violation for Subscription to \"c\" (sid \"2\")");
        assertThat(reloaded.deliveryDenied("a.b", null)).isTrue();
    }

    static SubjectView view(String subject) {
        return new SubjectView().wrap(subject.getBytes(UTF_8));
    }
}
