package io.natrium.domain.permission;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.SubjectOracle;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every permission of at most one allow and one deny entry, with filters over {@code {a,b,*,>}} up to two tokens,
 * against every subject over the same tokens up to three, checked against a plain scan of the entries with the naive
 * matcher, both the boolean decisions and the explained ones. The naive matcher compares a wildcard inside the checked subject as an ordinary token, which is what
 * nats-server's sublist does when a permission is checked.
 */
class PermissionsOracleTest {

    private static final List<String> ENTRY_FILTERS = SubjectOracle.filters(List.of("a", "b", "*", ">"), 2);
    private static final List<String> SUBJECTS = SubjectOracle.filters(List.of("a", "b", "*", ">"), 3);
    private static final String[] QUEUES = {null, "q1", "q2", "q.x"};

    @Test
    void publishDecisionsAgreeWithAScanOfTheEntries() {
        for (List<String> allow : allowLists(ENTRY_FILTERS)) {
            for (List<String> deny : denyLists(ENTRY_FILTERS)) {
                Permissions permissions = Permissions.of(new SubjectPermission(allow, deny), null, null);
                for (String subject : SUBJECTS) {
                    boolean expected = (allow == null || anyMatches(allow, subject)) && !anyMatches(deny, subject);
                    assertThat(permissions.publishAllowed(subject))
                            .as("allow %s deny %s publish %s", allow, deny, subject).isEqualTo(expected);
                    assertThat(permissions.explainPublish(subject).allowed())
                            .as("explained: allow %s deny %s publish %s", allow, deny, subject).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void subscribeAndDeliveryDecisionsAgreeWithAScanOfTheEntries() {
        List<String> entries = new ArrayList<>();
        for (String filter : SubjectOracle.filters(List.of("a", "*", ">"), 2)) {
            entries.add(filter);
            entries.add(filter + " q1");
            entries.add(filter + " q.*");
        }
        for (List<String> allow : allowLists(entries)) {
            for (List<String> deny : denyLists(entries)) {
                Permissions permissions = Permissions.of(null, new SubjectPermission(allow, deny), null);
                for (String subject : SUBJECTS) {
                    for (String queue : QUEUES) {
                        boolean denied = denies(deny, subject, queue);
                        boolean expected = (allow == null || allow.isEmpty() || allows(allow, subject, queue))
                                && !denied;
                        assertThat(permissions.subscribeAllowed(subject, queue))
                                .as("allow %s deny %s sub %s %s", allow, deny, subject, queue).isEqualTo(expected);
                        assertThat(permissions.deliveryDenied(subject, queue))
                                .as("deny %s deliver %s %s", deny, subject, queue).isEqualTo(denied);
                        PermissionDecision explained = permissions.explainSubscribe(subject, queue);
                        assertThat(explained.allowed())
                                .as("explained: allow %s deny %s sub %s %s", allow, deny, subject, queue)
                                .isEqualTo(expected);
                        assertThat(explained.basis() == PermissionDecision.Basis.DENY_ENTRY)
                                .as("denied by an entry: deny %s sub %s %s", deny, subject, queue)
                                .isEqualTo(denied);
                    }
                }
            }
        }
    }

    /** No list, an empty list, and each single entry. */
    private static List<List<String>> allowLists(List<String> entries) {
        List<List<String>> lists = new ArrayList<>();
        lists.add(null);
        lists.add(List.of());
        for (String entry : entries) {
            lists.add(List.of(entry));
        }
        return lists;
    }

    private static List<List<String>> denyLists(List<String> entries) {
        List<List<String>> lists = new ArrayList<>();
        lists.add(List.of());
        for (String entry : entries) {
            lists.add(List.of(entry));
        }
        return lists;
    }

    /**
     * Plain entries allow a plain or queue subscription, unless matching queue entries exist for a queue one. (An
     * empty subscribe allow list is no list; the caller handles it.)
     */
    private static boolean allows(List<String> allow, String subject, String queue) {
        boolean plain = false;
        boolean queueEntries = false;
        boolean queueNamed = false;
        for (String entry : allow) {
            String[] parts = entry.split(" ");
            if (!SubjectOracle.matches(parts[0], subject)) {
                continue;
            }
            if (parts.length == 1) {
                plain = true;
            } else {
                queueEntries = true;
                queueNamed |= queue != null && queueNamed(parts[1], queue);
            }
        }
        return queue != null && queueEntries ? queueNamed : plain;
    }

    private static boolean denies(List<String> deny, String subject, String queue) {
        for (String entry : deny) {
            String[] parts = entry.split(" ");
            if (SubjectOracle.matches(parts[0], subject)
                    && (parts.length == 1 || queue != null && queueNamed(parts[1], queue))) {
                return true;
            }
        }
        return false;
    }

    /** The queues in these tables are literal, so "covered by a wildcard name" is plain matching. */
    private static boolean queueNamed(String name, String queue) {
        return name.equals(queue) || SubjectOracle.matches(name, queue);
    }

    private static boolean anyMatches(List<String> filters, String subject) {
        for (String filter : filters) {
            if (SubjectOracle.matches(filter, subject)) {
                return true;
            }
        }
        return false;
    }
}
