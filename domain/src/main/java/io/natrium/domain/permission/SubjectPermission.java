package io.natrium.domain.permission;

import java.util.Arrays;
import java.util.List;

/**
 * The allow and deny lists for publishing or for subscribing, as configured. Entries are subject filters; a subscribe
 * entry may name a queue group as {@code "subject queue"}.
 *
 * <p>A null {@code allow} means no allow list: everything not denied is allowed. An empty allow list is kept apart
 * from it because nats-server treats them differently: for publishing it allows nothing (that is what
 * {@code allow_responses} relies on), for subscribing it is the same as no list.
 *
 * @param allow the allowed filters; null for no allow list
 * @param deny  the denied filters; empty for none
 */
public record SubjectPermission(List<String> allow, List<String> deny) {

    public SubjectPermission {
        allow = allow == null ? null : List.copyOf(allow);
        deny = deny == null ? List.of() : List.copyOf(deny);
    }

    /** Only an allow list. */
    public static SubjectPermission allowing(String... filters) {
        return new SubjectPermission(Arrays.asList(filters), List.of());
    }

    /** Only a deny list. */
    public static SubjectPermission denying(String... filters) {
        return new SubjectPermission(null, Arrays.asList(filters));
    }

    /** This permission with a deny list added. */
    public SubjectPermission andDenying(String... filters) {
        return new SubjectPermission(allow, Arrays.asList(filters));
    }
}
