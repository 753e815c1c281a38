package io.natrium.domain.permission;

import io.natrium.domain.sublist.Subscription;

/**
 * One compiled allow or deny entry, stored in a {@link io.natrium.domain.sublist.FrozenSublist} as nats-server stores
 * its permission entries in a sublist, so that matching is the sublist's matching.
 *
 * @param subject the filter
 * @param queue   the queue group a subscribe entry is limited to; null for none
 */
record PermissionEntry(String subject, String queue) implements Subscription {

    /** The entry as it is written in the configuration. */
    String written() {
        return queue == null ? subject : subject + " " + queue;
    }
}
