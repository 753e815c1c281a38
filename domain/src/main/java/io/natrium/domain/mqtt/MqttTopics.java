package io.natrium.domain.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * Maps MQTT topic names and filters to NATS subjects and back, by nats-server 2.9.10's rules: a level separator
 * {@code /} becomes the token separator {@code .}, {@code +} becomes {@code *} and {@code #} becomes {@code >}. MQTT
 * allows empty levels, NATS does not have empty tokens, so an empty level keeps a {@code /} as its token: a leading
 * {@code /} becomes {@code /.}, a {@code /} followed by another or ending the topic becomes {@code ./}
 * ({@code foo//bar} is {@code foo./.bar}, {@code foo/} is {@code foo./}). A {@code .} or a space has no place in the
 * mapping and is refused. The way back undoes exactly this, so every valid topic survives the round trip.
 */
public final class MqttTopics {

    /** The suffix nats-server gives the sid of the extra subscription a {@code /#} filter needs for its parent. */
    public static final String LEVEL_UP_SID_SUFFIX = " fwc";

    private static final char LEVEL = '/';
    private static final char TOKEN = '.';

    private MqttTopics() {
    }

    /** The subject a PUBLISH to {@code topic} goes to; wildcards are refused, as MQTT forbids them there. */
    public static String publishSubject(String topic) throws InvalidTopicException {
        if (topic.isEmpty()) {
            throw new InvalidTopicException("topic cannot be empty");
        }
        return toSubject(topic, false);
    }

    /** The subject filter a SUBSCRIBE to {@code filter} becomes. */
    public static String filterSubject(String filter) throws InvalidTopicException {
        if (filter.isEmpty()) {
            throw new InvalidTopicException("topic filter cannot be empty");
        }
        return toSubject(filter, true);
    }

    /**
     * The subject a filter ending in {@code /#} also needs: in MQTT {@code a/#} matches {@code a} itself, in NATS
     * {@code a.>} does not, so nats-server subscribes to {@code a} too. Null when the subject needs no such
     * subscription.
     */
    public static String levelUpSubject(String subject) {
        int length = subject.length();
        if (length < 3 || subject.charAt(length - 2) != TOKEN || subject.charAt(length - 1) != '>') {
            return null;
        }
        return subject.substring(0, length - 2);
    }

    /** The topic an MQTT subscriber sees for a message on {@code subject}. */
    public static String topic(String subject) {
        byte[] in = subject.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int length = topic(in, 0, in.length, out);
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * Writes the topic of the subject in {@code subject[offset, offset + length)} into {@code target} (at least
     * {@code length} long: a topic is never longer than its subject) and returns its length. Works on UTF-8 bytes
     * without decoding, since only ASCII separators change.
     */
    public static int topic(byte[] subject, int offset, int length, byte[] target) {
        int end = offset + length - 1;
        int written = 0;
        for (int i = offset; i <= end; i++) {
            byte b = subject[i];
            if (b == LEVEL) {
                // "/." at the very start stands for an empty first level: only its "/" remains.
                if (!(i == offset && i < end && subject[i + 1] == TOKEN)) {
                    target[written++] = LEVEL;
                }
            } else if (b == TOKEN) {
                target[written++] = LEVEL;
                // "./" stands for an empty level after this one: the "/" is that level's separator, already written.
                if (i < end && subject[i + 1] == LEVEL) {
                    i++;
                }
            } else {
                target[written++] = b;
            }
        }
        return written;
    }

    private static String toSubject(String topic, boolean wildcards) throws InvalidTopicException {
        StringBuilder subject = new StringBuilder(topic.length() + 8);
        int end = topic.length() - 1;
        for (int i = 0; i <= end; i++) {
            char c = topic.charAt(i);
            switch (c) {
                case LEVEL -> {
                    boolean afterSeparator = !subject.isEmpty() && subject.charAt(subject.length() - 1) == TOKEN;
                    if (i == 0 || afterSeparator) {
                        // An empty level: "/" is its token.
                        subject.append(LEVEL).append(TOKEN);
                    } else if (i == end || topic.charAt(i + 1) == LEVEL) {
                        // The next level is empty: separate, and let "/" stand for it.
                        subject.append(TOKEN).append(LEVEL);
                    } else {
                        subject.append(TOKEN);
                    }
                }
                case TOKEN, ' ' -> throw new InvalidTopicException(
                        "characters ' ' and '.' not supported for MQTT topics");
                case '+', '#' -> {
                    if (!wildcards) {
                        throw new InvalidTopicException("wildcards not allowed in publish's topic: " + quote(topic));
                    }
                    subject.append(c == '+' ? '*' : '>');
                }
                default -> subject.append(c);
            }
        }
        if (subject.charAt(subject.length() - 1) == TOKEN) {
            // Only after a leading run of empty levels ("/", "//"): the last one still needs its "/" token.
            subject.append(LEVEL);
        }
        return subject.toString();
    }

    /** Go's %q of a simple string: quoted, with backslashes and quotes escaped. */
    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
