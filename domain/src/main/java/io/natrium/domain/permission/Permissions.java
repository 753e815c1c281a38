package io.natrium.domain.permission;

import io.natrium.domain.permission.PermissionDecision.Basis;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.sublist.FrozenSublist;
import io.natrium.domain.sublist.SublistResult;
import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.List;

/**
 * One user's permissions, compiled once and shared by every connection of that user: immutable and thread-safe. The
 * answers are nats-server's ({@code setPermissions}, {@code canSubscribe}, {@code pubAllowedFullCheck},
 * {@code checkDenySub} in {@code server/client.go}):
 *
 * <ul>
 *   <li>Deny beats allow; no allow list means everything not denied is allowed.</li>
 *   <li>Subjects are matched through a {@link FrozenSublist} (built once, read without a lock), and the subject
 *       checked is taken as literal: a wildcard in it is matched only by a wildcard in the entry. A SUB to
 *       {@code foo.*} is allowed by {@code foo.*}, {@code foo.>} or {@code >}, not by {@code foo.bar}; a deny of
 *       {@code foo.bar} does not refuse it either, so that subscription is filtered at delivery instead
 *       ({@link #deliveryDenied}).</li>
 *   <li>A subscribe entry {@code "foo v1"} applies to queue subscriptions in group {@code v1} (or in the groups a
 *       wildcard queue name such as {@code v1.*} covers). An allow list with only such entries refuses plain
 *       subscriptions to {@code foo}.</li>
 *   <li>Response permissions make the publish allow list empty (publish nothing) when none was given, as nats-server
 *       does, so that the client may publish only to reply subjects it received.</li>
 * </ul>
 *
 * <p>Entries that are not valid are skipped, as nats-server skips them; {@link #problems()} lists them in
 * nats-server's words so the caller can log them.
 */
public final class Permissions {

    private static final Permissions UNRESTRICTED = new Permissions(null, null, null);

    private final SubjectPermission publish;
    private final SubjectPermission subscribe;
    private final ResponsePermission responses;
    private final FrozenSublist<PermissionEntry> publishAllow;
    private final FrozenSublist<PermissionEntry> publishDeny;
    private final FrozenSublist<PermissionEntry> subscribeAllow;
    private final FrozenSublist<PermissionEntry> subscribeDeny;
    // The entries in configuration order, so that an explanation names the first configured entry that matches.
    private final List<PermissionEntry> publishAllowEntries = new ArrayList<>();
    private final List<PermissionEntry> publishDenyEntries = new ArrayList<>();
    private final List<PermissionEntry> subscribeAllowEntries = new ArrayList<>();
    private final List<PermissionEntry> subscribeDenyEntries = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private Permissions(SubjectPermission publish, SubjectPermission subscribe, ResponsePermission responses) {
        this.publish = publish;
        this.subscribe = subscribe;
        this.responses = responses;
        this.publishAllow = publish == null || publish.allow() == null ? null : publishAllowList(publish.allow());
        this.publishDeny = publish == null || publish.deny().isEmpty() ? null : publishDenyList(publish.deny());
        this.subscribeAllow = subscribe == null || subscribe.allow() == null || subscribe.allow().isEmpty()
                ? null : subscribeList(subscribe.allow(), subscribeAllowEntries);
        this.subscribeDeny = subscribe == null || subscribe.deny().isEmpty()
                ? null : subscribeList(subscribe.deny(), subscribeDenyEntries);
    }

    /** No permissions at all: everything is allowed. */
    public static Permissions unrestricted() {
        return UNRESTRICTED;
    }

    /**
     * Compiles permissions.
     *
     * @param publish   publish allow and deny; null when publishing is not restricted
     * @param subscribe subscribe allow and deny; null when subscribing is not restricted
     * @param responses {@code allow_responses}; null for none
     */
    public static Permissions of(SubjectPermission publish, SubjectPermission subscribe,
            ResponsePermission responses) {
        if (publish == null && subscribe == null && responses == null) {
            return UNRESTRICTED;
        }
        SubjectPermission effectivePublish = publish;
        if (responses != null && (publish == null || publish.allow() == null)) {
            // nats-server's validateResponsePermissions: response permissions turn off the blanket publish allow.
            effectivePublish = new SubjectPermission(List.of(), publish == null ? List.of() : publish.deny());
        }
        return new Permissions(effectivePublish, subscribe, responses);
    }

    /** True when nothing is restricted: no publish or subscribe list and no response permission. */
    public boolean isUnrestricted() {
        return !restrictsPublish() && subscribeAllow == null && subscribeDeny == null && responses == null;
    }

    /** The publish allow and deny lists as given (with the empty allow list response permissions imply); or null. */
    public SubjectPermission publish() {
        return publish;
    }

    /** The subscribe allow and deny lists as given; or null. */
    public SubjectPermission subscribe() {
        return subscribe;
    }

    /** The response permission; null when the user has none. */
    public ResponsePermission responses() {
        return responses;
    }

    /** The entries that were skipped, in nats-server's log wording. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** True when publishing is checked at all (an allow or a deny list exists). */
    public boolean restrictsPublish() {
        return publishAllow != null || publishDeny != null;
    }

    /** True when there are subscribe deny entries, so that wildcard subscriptions may need filtering at delivery. */
    public boolean hasSubscribeDenies() {
        return subscribeDeny != null;
    }

    /**
     * The static publish decision, without response permissions: allowed by the allow list (when there is one) and
     * not matched by the deny list. The subject is taken as literal.
     */
    public boolean publishAllowed(String subject) {
        boolean allowed = publishAllow == null || publishAllow.hasInterest(subject);
        return allowed && (publishDeny == null || !publishDeny.hasInterest(subject));
    }

    /**
     * The SUB decision for a subscription to {@code subject} (which may hold wildcards) in {@code queue} (null or
     * empty for a plain subscription).
     */
    public boolean subscribeAllowed(String subject, String queue) {
        return subscribeDecision(subject, queue).allowed();
    }

    /**
     * {@link #publishAllowed} with the entry that decided it: the first configured deny entry that matches, else
     * the first configured allow entry that matches, else the absence of a match or of any list.
     */
    public PermissionDecision explainPublish(String subject) {
        if (!restrictsPublish()) {
            return PermissionDecision.without(true, Basis.NO_LIST);
        }
        if (publishDeny != null) {
            SublistResult<PermissionEntry> denied = publishDeny.match(subject);
            if (denied.plainCount() > 0) {
                return PermissionDecision.deniedBy(firstConfigured(denied, publishDenyEntries).written());
            }
        }
        if (publishAllow == null) {
            return PermissionDecision.without(true, Basis.NO_DENY_ENTRY_MATCHES);
        }
        SublistResult<PermissionEntry> allowed = publishAllow.match(subject);
        return allowed.plainCount() > 0
                ? PermissionDecision.allowedBy(firstConfigured(allowed, publishAllowEntries).written())
                : PermissionDecision.without(false, Basis.NO_ALLOW_ENTRY_MATCHES);
    }

    /**
     * {@link #subscribeAllowed} with the entry that decided it, and, when allowed, the deny entries that will
     * filter its deliveries (see {@link #deliveryFilterNeeded}).
     */
    public PermissionDecision explainSubscribe(String subject, String queue) {
        PermissionDecision decision = subscribeDecision(subject, queue);
        return decision.allowed() ? decision.withDeliveryDenies(overlappingDenies(subject, queue)) : decision;
    }

    /** The one implementation of the SUB decision; deny is looked at first because it wins. */
    private PermissionDecision subscribeDecision(String subject, String queue) {
        PermissionEntry denied = deniedEntry(subject, queue);
        if (denied != null) {
            return PermissionDecision.deniedBy(denied.written());
        }
        if (subscribeAllow == null) {
            return PermissionDecision.without(true, subscribeDeny == null ? Basis.NO_LIST
                    : Basis.NO_DENY_ENTRY_MATCHES);
        }
        SublistResult<PermissionEntry> matched = subscribeAllow.match(subject);
        if (hasQueue(queue) && matched.queueGroupCount() > 0) {
            // A queue entry for this subject decides queue subscriptions, whatever the plain entries say.
            PermissionEntry named = queueEntry(queue, matched);
            return named != null ? PermissionDecision.allowedBy(named.written())
                    : new PermissionDecision(false, Basis.OTHER_QUEUE_GROUPS, matched.queueMember(0, 0).written(),
                            List.of());
        }
        return matched.plainCount() > 0
                ? PermissionDecision.allowedBy(firstConfigured(matched, subscribeAllowEntries).written())
                : PermissionDecision.without(false, Basis.NO_ALLOW_ENTRY_MATCHES);
    }

    /** The deny entry refusing {@code subject} in {@code queue}: a plain one first, else a queue one; or null. */
    private PermissionEntry deniedEntry(String subject, String queue) {
        if (subscribeDeny == null) {
            return null;
        }
        SublistResult<PermissionEntry> matched = subscribeDeny.match(subject);
        if (matched.plainCount() > 0) {
            return firstConfigured(matched, subscribeDenyEntries);
        }
        return hasQueue(queue) ? queueEntry(queue, matched) : null;
    }

    /**
     * Whether a message on the literal {@code subject} must not be delivered to a subscription in {@code queue} (null
     * or empty for plain): a plain deny entry matches the subject, or a queue deny entry matches it and the queue.
     */
    public boolean deliveryDenied(String subject, String queue) {
        if (subscribeDeny == null) {
            return false;
        }
        SublistResult<PermissionEntry> matched = subscribeDeny.match(subject);
        if (matched.plainCount() > 0) {
            return true;
        }
        return hasQueue(queue) && matched.queueGroupCount() > 0 && queueMatches(queue, matched);
    }

    /**
     * Whether an allowed subscription may receive messages that a deny entry refuses, so that deliveries to this
     * client must be checked with {@link #deliveryDenied}: nats-server arms that check for a wildcard or queue
     * subscription whose subject collides with a deny entry's subject.
     */
    public boolean deliveryFilterNeeded(String subject, String queue) {
        return !overlappingDenies(subject, queue).isEmpty();
    }

    private List<String> overlappingDenies(String subject, String queue) {
        if (!hasQueue(queue) && !SubjectFilter.hasWildcard(subject)) {
            return List.of();
        }
        List<String> overlapping = new ArrayList<>();
        for (PermissionEntry deny : subscribeDenyEntries) {
            if (SubjectFilter.collide(deny.subject(), subject)) {
                overlapping.add(deny.written());
            }
        }
        return overlapping;
    }

    /** Of several matching plain entries, the one configured first: a stable answer to "which rule decided". */
    private static PermissionEntry firstConfigured(SublistResult<PermissionEntry> matched,
            List<PermissionEntry> configured) {
        PermissionEntry first = matched.plain(0);
        int firstIndex = configured.indexOf(first);
        for (int i = 1; i < matched.plainCount(); i++) {
            int index = configured.indexOf(matched.plain(i));
            if (index >= 0 && (firstIndex < 0 || index < firstIndex)) {
                first = matched.plain(i);
                firstIndex = index;
            }
        }
        return first;
    }

    /** The entry of the first queue group whose name covers {@code queue}; null when none does. */
    private static PermissionEntry queueEntry(String queue, SublistResult<PermissionEntry> matched) {
        for (int group = 0; group < matched.queueGroupCount(); group++) {
            if (queueNamed(queue, matched.queueName(group))) {
                return matched.queueMember(group, 0);
            }
        }
        return null;
    }

    /** nats-server's {@code queueMatches}: the queue is named by an entry, literally or through a wildcard name. */
    private static boolean queueMatches(String queue, SublistResult<PermissionEntry> matched) {
        return queueEntry(queue, matched) != null;
    }

    private static boolean queueNamed(String queue, String name) {
        // '*' and '>' are valid queue names too, so the literal comparison comes first.
        return queue.equals(name) || SubjectFilter.hasWildcard(name) && SubjectFilter.isSubset(queue, name);
    }

    private static boolean hasQueue(String queue) {
        return queue != null && !queue.isEmpty();
    }

    private FrozenSublist<PermissionEntry> publishAllowList(List<String> entries) {
        for (String entry : entries) {
            if (SubjectFilter.isValid(entry)) {
                publishAllowEntries.add(new PermissionEntry(entry, null));
            } else {
                problems.add("invalid publish subject " + GoStrings.quote(entry));
            }
        }
        return FrozenSublist.of(publishAllowEntries);
    }

    private FrozenSublist<PermissionEntry> publishDenyList(List<String> entries) {
        for (String entry : entries) {
            if (SubjectFilter.isValid(entry)) {
                publishDenyEntries.add(new PermissionEntry(entry, null));
                continue;
            }
            PermissionEntry parsed = PermissionEntries.parse(entry);
            if (parsed == null) {
                problems.add("invalid publish deny subject " + GoStrings.quote(entry));
                continue;
            }
            // A queue means nothing to a publish deny; nats-server keeps the subject rather than drop the deny.
            problems.add("queue qualifier is not valid for publish deny subject " + GoStrings.quote(entry));
            publishDenyEntries.add(new PermissionEntry(parsed.subject(), null));
        }
        return FrozenSublist.of(publishDenyEntries);
    }

    private FrozenSublist<PermissionEntry> subscribeList(List<String> entries, List<PermissionEntry> collected) {
        for (String entry : entries) {
            PermissionEntry parsed = PermissionEntries.parse(entry);
            if (parsed == null) {
                problems.add("invalid subject-queue " + GoStrings.quote(entry));
                continue;
            }
            collected.add(parsed);
        }
        return FrozenSublist.of(collected);
    }

    @Override
    public String toString() {
        return isUnrestricted() ? "Permissions[unrestricted]"
                : "Permissions[publish=" + publish + ", subscribe=" + subscribe + ", responses=" + responses + "]";
    }
}
