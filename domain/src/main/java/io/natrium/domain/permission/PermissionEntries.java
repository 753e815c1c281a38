package io.natrium.domain.permission;

import io.natrium.domain.subject.SubjectFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads configured entries the way nats-server's {@code splitSubjectQueue} does: the entry is split on any Unicode
 * white space into a subject and an optional queue, both of which must be valid filters.
 */
final class PermissionEntries {

    private PermissionEntries() {
    }

    /** The subject and queue of an entry, or null when it is not a valid {@code "subject [queue]"}. */
    static PermissionEntry parse(String entry) {
        List<String> fields = fields(entry);
        if (fields.isEmpty() || fields.size() > 2) {
            return null;
        }
        String subject = fields.get(0);
        String queue = fields.size() == 2 ? fields.get(1) : null;
        if (!SubjectFilter.isValid(subject) || queue != null && !SubjectFilter.isValid(queue)) {
            return null;
        }
        return new PermissionEntry(subject, queue);
    }

    /** Go's {@code strings.Fields}: the runs of text between white space. */
    private static List<String> fields(String text) {
        List<String> fields = new ArrayList<>(2);
        int start = -1;
        int i = 0;
        while (i <= text.length()) {
            int codePoint = i < text.length() ? text.codePointAt(i) : ' ';
            boolean space = isGoSpace(codePoint);
            if (space && start >= 0) {
                fields.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
            i += Character.charCount(codePoint);
        }
        return fields;
    }

    /** Go's {@code unicode.IsSpace}: the Unicode White_Space property (Java's own tests differ in a few places). */
    static boolean isGoSpace(int codePoint) {
        return switch (codePoint) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> codePoint >= 0x2000 && codePoint <= 0x200A;
        };
    }
}
