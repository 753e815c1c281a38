package io.natrium.domain.permission;

import io.natrium.domain.HotPath;
import io.natrium.domain.subject.SubjectView;

/**
 * Subjects clients may not use whatever their permissions say, because the server routes internal traffic on them
 * (nats-server's {@code isReservedReply} and {@code hasGWRoutedReplyPrefix}). A reserved reply subject is refused
 * with {@link PermissionViolation#publishWithReply}, a gateway-routed publish subject with
 * {@link PermissionViolation#publish}.
 */
@HotPath
public final class ReservedSubjects {

    /** Service-import replies; the prefix alone is already reserved. */
    public static final String SERVICE_REPLY_PREFIX = "_R_.";
    /** JetStream acknowledgements; reserved when something follows the prefix. */
    public static final String JETSTREAM_ACK_PREFIX = "$JS.ACK.";
    /** Gateway-routed replies; reserved when something follows the prefix. */
    public static final String GATEWAY_REPLY_PREFIX = "_GR_.";

    private ReservedSubjects() {
    }

    /** True when a client may not give {@code reply} as the reply subject of a publish. */
    public static boolean isReservedReply(String reply) {
        return reply.startsWith(SERVICE_REPLY_PREFIX)
                || hasPrefixAndMore(reply, JETSTREAM_ACK_PREFIX)
                || hasPrefixAndMore(reply, GATEWAY_REPLY_PREFIX);
    }

    /** {@link #isReservedReply(String)} on the subject in the view. */
    public static boolean isReservedReply(SubjectView reply) {
        return startsWith(reply, SERVICE_REPLY_PREFIX)
                || hasPrefixAndMore(reply, JETSTREAM_ACK_PREFIX)
                || hasPrefixAndMore(reply, GATEWAY_REPLY_PREFIX);
    }

    /** True when a client may not publish to {@code subject} because it is a gateway-routed reply. */
    public static boolean isGatewayRoutedReply(String subject) {
        return hasPrefixAndMore(subject, GATEWAY_REPLY_PREFIX);
    }

    /** {@link #isGatewayRoutedReply(String)} on the subject in the view. */
    public static boolean isGatewayRoutedReply(SubjectView subject) {
        return hasPrefixAndMore(subject, GATEWAY_REPLY_PREFIX);
    }

    private static boolean hasPrefixAndMore(String subject, String prefix) {
        return subject.length() > prefix.length() && subject.startsWith(prefix);
    }

    private static boolean hasPrefixAndMore(SubjectView subject, String asciiPrefix) {
        return subject.length() > asciiPrefix.length() && startsWith(subject, asciiPrefix);
    }

    /** The prefixes are ASCII, so comparing bytes with characters is exact. */
    private static boolean startsWith(SubjectView subject, String asciiPrefix) {
        if (subject.length() < asciiPrefix.length()) {
            return false;
        }
        for (int i = 0; i < asciiPrefix.length(); i++) {
            if (subject.byteAt(i) != asciiPrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
