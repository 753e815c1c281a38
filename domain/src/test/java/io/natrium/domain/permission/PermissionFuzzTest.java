package io.natrium.domain.permission;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.natrium.domain.SubjectOracle;
import io.natrium.domain.subject.SubjectFilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Properties of generated permissions. The normal test run replays the seeds under
 * {@code src/test/resources/io/natrium/domain/permission/PermissionFuzzTestInputs}. Jazzer fuzzes one method per
 * run (it skips the others), so name it to fuzz for a bounded time:
 * {@code JAZZER_FUZZ=1 ./mvnw -o -q -B -pl domain test -Dtest='PermissionFuzzTest#denyAlwaysBeatsAllow'
 * -Djazzer.max_duration=60s}. Inputs it finds go to {@code domain/.cifuzz-corpus} (ignored by git); copy the ones
 * worth keeping next to the seeds.
 */
class PermissionFuzzTest {

    private static final String[] TOKENS = {"a", "b", "c", "*", ">"};
    private static final String[] QUEUES = {"q1", "q2", "q.x", "q.*", "*", ">"};

    /**
     * A subject a deny entry matches is never allowed: not published (without response permissions), not
     * subscribed to (in any queue, for queue entries in the queues they name), and not delivered once the delivery
     * filter is armed.
     */
    @FuzzTest
    void denyAlwaysBeatsAllow(FuzzedDataProvider data) {
        List<String> allow = data.consumeBoolean() ? null : entries(data, true);
        List<String> deny = entries(data, true);
        SubjectPermission rules = new SubjectPermission(allow, deny);
        Permissions permissions = Permissions.of(rules, rules, null);
        ClientPermissions client = ClientPermissions.of(permissions);
        boolean armed = client.canSubscribe(">", null) || client.canSubscribe(">", "q1");

        for (int i = 0; i < 32 && data.remainingBytes() > 0; i++) {
            String subject = subject(data, TOKENS);
            String queue = data.consumeBoolean() ? null : QUEUES[data.consumeInt(0, QUEUES.length - 1)];
            for (String entry : deny) {
                String publishDeny = publishDenySubject(entry);
                if (publishDeny != null && SubjectOracle.matches(publishDeny, subject)) {
                    assertThat(permissions.publishAllowed(subject)).as("publish %s denied by %s", subject, entry)
                            .isFalse();
                    assertThat(client.canPublish(subject, 0)).isFalse();
                }
                PermissionEntry subscribeDeny = PermissionEntries.parse(entry);
                if (subscribeDeny != null && SubjectOracle.matches(subscribeDeny.subject(), subject)
                        && appliesToQueue(subscribeDeny.queue(), queue)) {
                    assertThat(permissions.subscribeAllowed(subject, queue))
                            .as("sub %s %s denied by %s", subject, queue, entry).isFalse();
                    assertThat(permissions.deliveryDenied(subject, queue)).isTrue();
                    assertThat(!armed || client.deliveryDenied(subject, queue)).isTrue();
                }
            }
        }
    }

    /** A valid publish deny is taken whole; otherwise, like nats-server, its subject part when it splits. */
    private static String publishDenySubject(String entry) {
        if (SubjectFilter.isValid(entry)) {
            return entry;
        }
        PermissionEntry parsed = PermissionEntries.parse(entry);
        return parsed == null ? null : parsed.subject();
    }

    /** A plain deny applies to every subscription, a queue deny to the queues it names (a wildcard name covers). */
    private static boolean appliesToQueue(String denied, String queue) {
        return denied == null || queue != null && (denied.equals(queue)
                || SubjectFilter.hasWildcard(denied) && SubjectFilter.isSubset(queue, denied));
    }

    /**
     * The caches never change a decision: a connection with them and one without answer every generated sequence
     * of publishes, subscribes, deliveries, reply tracking, sweeps and clock moves alike, also once the caches have
     * pruned (the subjects outnumber the publish cache) and when only one of them sweeps its replies. The clock
     * never goes back, as a monotonic clock does not.
     */
    @FuzzTest
    void theDecisionCachesNeverChangeADecision(FuzzedDataProvider data) {
        Permissions permissions = Permissions.of(subjectPermission(data), subjectPermission(data),
                data.consumeBoolean() ? null : new ResponsePermission(data.consumeInt(-1, 3),
                        Duration.ofSeconds(data.consumeInt(-1, 5))));
        ClientPermissions cached = ClientPermissions.of(permissions);
        ClientPermissions uncached = ClientPermissions.uncached(permissions);
        long now = data.consumeLong();
        for (int step = 0; step < 2_000 && data.remainingBytes() > 0; step++) {
            String subject = numbered(data);
            String queue = data.consumeBoolean() ? null : QUEUES[data.consumeInt(0, QUEUES.length - 1)];
            switch (data.consumeInt(0, 6)) {
                case 0 -> assertThat(cached.canPublish(subject, now)).as("publish %s", subject)
                        .isEqualTo(uncached.canPublish(subject, now));
                case 1 -> assertThat(cached.canPublish(ClientPermissionsTest.view(subject), now))
                        .as("publish view %s", subject).isEqualTo(uncached.canPublish(subject, now));
                case 2 -> assertThat(cached.canSubscribe(subject, queue)).as("sub %s %s", subject, queue)
                        .isEqualTo(uncached.canSubscribe(subject, queue));
                case 3 -> assertThat(cached.deliveryDenied(ClientPermissionsTest.view(subject), queue))
                        .as("deliver %s %s", subject, queue).isEqualTo(uncached.deliveryDenied(subject, queue));
                case 4 -> {
                    cached.trackReply(subject, now);
                    uncached.trackReply(subject, now);
                }
                case 5 -> now += data.consumeLong(0, 3_000_000_000L);
                default -> {
                    cached.pruneReplies(now);
                    if (data.consumeBoolean()) {
                        uncached.pruneReplies(now);
                    }
                }
            }
        }
        assertThat(cached.cachedPublishDecisions()).isLessThanOrEqualTo(PermissionCache.MAX_ENTRIES);
        assertThat(cached.cachedDeliveryDecisions()).isLessThanOrEqualTo(DeliveryDenyCache.MAX_ENTRIES);
    }

    private static SubjectPermission subjectPermission(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 2)) {
            case 0 -> null;
            case 1 -> new SubjectPermission(null, entries(data, false));
            default -> new SubjectPermission(entries(data, false), entries(data, false));
        };
    }

    /** A few entries, some with a queue, now and then a raw string to exercise the invalid ones. */
    private static List<String> entries(FuzzedDataProvider data, boolean atLeastOne) {
        int count = data.consumeInt(atLeastOne ? 1 : 0, 4);
        List<String> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = data.consumeInt(0, 9);
            String entry = kind == 9 ? data.consumeString(8) : subject(data, TOKENS);
            if (kind >= 6 && kind < 9) {
                entry += " " + QUEUES[data.consumeInt(0, QUEUES.length - 1)];
            }
            entries.add(entry);
        }
        return entries;
    }

    private static String subject(FuzzedDataProvider data, String[] tokens) {
        int length = data.consumeInt(1, 4);
        StringBuilder subject = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                subject.append('.');
            }
            subject.append(tokens[data.consumeInt(0, tokens.length - 1)]);
        }
        return subject.toString();
    }

    /** Subjects from a pool several times the publish cache's size, so the caches fill and prune. */
    private static String numbered(FuzzedDataProvider data) {
        String prefix = subject(data, TOKENS);
        return data.consumeBoolean() ? prefix : prefix + "." + data.consumeInt(0, 400);
    }
}
