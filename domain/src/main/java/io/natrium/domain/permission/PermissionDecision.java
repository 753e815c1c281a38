package io.natrium.domain.permission;

import java.util.List;
import java.util.Objects;

/**
 * A publish or subscribe decision together with what made it, so that a tool can say <em>why</em> a subject is
 * allowed or refused ({@link Permissions#explainPublish}, {@link Permissions#explainSubscribe}). The server itself
 * only needs the boolean and uses {@link Permissions#publishAllowed} and {@link Permissions#subscribeAllowed}.
 *
 * @param allowed        the decision
 * @param basis          what decided it
 * @param entry          the deciding entry as written ({@code "foo.>"}, {@code "foo v1"}); null when no entry
 *                       decided ({@link Basis#NO_ALLOW_ENTRY_MATCHES}, {@link Basis#NO_DENY_ENTRY_MATCHES},
 *                       {@link Basis#NO_LIST})
 * @param deliveryDenies for an allowed wildcard or queue subscription: the subscribe deny entries whose subjects
 *                       overlap it, so messages on those subjects are not delivered to it; empty otherwise
 */
public record PermissionDecision(boolean allowed, Basis basis, String entry, List<String> deliveryDenies) {

    /** What a decision rests on. */
    public enum Basis {
        /** An allow entry matches and no deny entry does. */
        ALLOW_ENTRY,
        /** A deny entry matches; deny beats allow. */
        DENY_ENTRY,
        /** There is an allow list and no entry of it matches. */
        NO_ALLOW_ENTRY_MATCHES,
        /**
         * Queue entries of the allow list match the subject but name other queue groups: for a queue subscription they
         * decide, whatever the plain entries say. The entry is one of them.
         */
        OTHER_QUEUE_GROUPS,
        /** There is only a deny list, and it does not match. */
        NO_DENY_ENTRY_MATCHES,
        /** Nothing is restricted in this direction. */
        NO_LIST
    }

    public PermissionDecision {
        Objects.requireNonNull(basis, "basis");
        deliveryDenies = deliveryDenies == null ? List.of() : List.copyOf(deliveryDenies);
    }

    static PermissionDecision allowedBy(String entry) {
        return new PermissionDecision(true, Basis.ALLOW_ENTRY, entry, List.of());
    }

    static PermissionDecision deniedBy(String entry) {
        return new PermissionDecision(false, Basis.DENY_ENTRY, entry, List.of());
    }

    static PermissionDecision without(boolean allowed, Basis basis) {
        return new PermissionDecision(allowed, basis, null, List.of());
    }

    PermissionDecision withDeliveryDenies(List<String> entries) {
        return new PermissionDecision(allowed, basis, entry, entries);
    }
}
