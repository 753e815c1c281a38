package io.natrium.bootstrap.check;

import io.natrium.domain.permission.PermissionDecision;
import io.natrium.domain.text.GoStrings;

/** A permission decision in words: {@code allowed by publish allow "foo.>"}, {@code denied: no ... rule matches}. */
final class DecisionWording {

    private DecisionWording() {
    }

    /** @param direction {@code publish} or {@code subscribe} */
    static String of(PermissionDecision decision, String direction) {
        String entry = decision.entry() == null ? null : GoStrings.quote(decision.entry());
        return switch (decision.basis()) {
            case ALLOW_ENTRY -> "allowed by " + direction + " allow " + entry;
            case DENY_ENTRY -> "denied by " + direction + " deny " + entry;
            case NO_ALLOW_ENTRY_MATCHES -> "denied: no " + direction + " allow rule matches";
            case OTHER_QUEUE_GROUPS -> "denied: " + direction + " allow " + entry
                    + " limits queue subscriptions on this subject to other queue groups";
            case NO_DENY_ENTRY_MATCHES -> "allowed: no " + direction + " deny rule matches and there is no allow list";
            case NO_LIST -> "allowed: no " + direction + " permissions";
        };
    }
}
