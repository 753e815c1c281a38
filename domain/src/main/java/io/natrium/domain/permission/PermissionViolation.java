package io.natrium.domain.permission;

import io.natrium.domain.text.GoStrings;

/**
 * The texts nats-server sends in {@code -ERR '...'} when a permission check fails; the connection stays open. Subjects,
 * queues and sids are quoted as Go's {@code %q} does ({@link GoStrings#quote(String)}). A queue that is null or empty
 * means a plain subscription.
 */
public final class PermissionViolation {

    private static final String SUBSCRIPTION_TO = "Permissions Violation for Subscription to ";

    private PermissionViolation() {
    }

    /** A publish the client's permissions do not allow. */
    public static String publish(String subject) {
        return "Permissions Violation for Publish to " + GoStrings.quote(subject);
    }

    /** A publish whose reply subject is reserved (service-import {@code _R_.} replies and the like). */
    public static String publishWithReply(String reply) {
        return "Permissions Violation for Publish with Reply of " + GoStrings.quote(reply);
    }

    /** A SUB the client's permissions do not allow. */
    public static String subscription(String subject, String queue) {
        return subscriptionText(subject, queue);
    }

    /** An existing subscription removed because new permissions (a reload) no longer allow it. */
    public static String removedSubscription(String subject, String queue, String sid) {
        return subscriptionText(subject, queue) + " (sid " + GoStrings.quote(sid) + ")";
    }

    /** A SUB with more tokens than {@code max_sub_tokens}. */
    public static String subscriptionTooManyTokens(String subject) {
        return SUBSCRIPTION_TO + GoStrings.quote(subject) + ", too many tokens";
    }

    private static String subscriptionText(String subject, String queue) {
        String text = SUBSCRIPTION_TO + GoStrings.quote(subject);
        return queue == null || queue.isEmpty() ? text : text + " using queue " + GoStrings.quote(queue);
    }
}
