package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigBoolean;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.PermissionSettings;
import io.natrium.application.settings.ResponsePermissionSettings;
import io.natrium.application.settings.SubjectPermissionSettings;
import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.text.GoDurations;
import io.natrium.domain.text.GoStrings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code permissions} block: {@code publish} and {@code subscribe} as a subject, a list, or {@code {allow,
 * deny}}; {@code allow_responses} as a boolean or {@code {max, expires}}. Subscribe entries may name a queue.
 */
final class PermissionsMapper {

    private static final KeyTable<Draft> PERMISSIONS = KeyTable.<Draft>unknownAs("Unknown field %s parsing permissions")
            .on((draft, entry, reader) -> draft.publish = subjects(entry, reader, false), "pub", "publish", "import")
            .on((draft, entry, reader) -> draft.subscribe = subjects(entry, reader, true),
                    "sub", "subscribe", "export")
            .on(PermissionsMapper::allowResponses, "publish_allow_responses", "allow_responses");

    private static final KeyTable<Subjects> ALLOW_DENY = KeyTable.<Subjects>unknownAs(
                    "Unknown field name %s parsing subject permissions, only 'allow' or 'deny' are permitted")
            .on((draft, entry, reader) -> draft.allow = subjectList(entry, reader, draft.queues), "allow")
            .on((draft, entry, reader) -> draft.deny = subjectList(entry, reader, draft.queues), "deny");

    private static final KeyTable<Responses> RESPONSES = KeyTable.<Responses>unknownAs(
                    "Unknown field %s parsing permissions")
            .on((draft, entry, reader) -> reader.goInt(entry, max -> {
                if (max != 0) {
                    draft.max = max;
                }
            }), "max", "max_msgs", "max_messages", "max_responses")
            .on(PermissionsMapper::expires, "expires", "expiration", "ttl");

    private static final class Draft {
        SubjectPermissionSettings publish;
        SubjectPermissionSettings subscribe;
        ResponsePermissionSettings responses;
    }

    private static final class Subjects {
        final boolean queues;
        List<String> allow;
        List<String> deny = List.of();

        Subjects(boolean queues) {
            this.queues = queues;
        }
    }

    private static final class Responses {
        int max = ResponsePermissionSettings.DEFAULT_MAX_MESSAGES;
        Duration expires = ResponsePermissionSettings.DEFAULT_EXPIRES;
        boolean failed;
    }

    private PermissionsMapper() {
    }

    /** The permissions of an entry, or null when they are not a map (reported). */
    static PermissionSettings map(ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "Expected permissions to be a map/struct, got " + GoValue.of(entry.value()));
            return null;
        }
        Draft draft = new Draft();
        PERMISSIONS.apply(block, draft, reader);
        SubjectPermissionSettings publish = draft.publish;
        if (draft.responses != null) {
            // Allowing responses turns off the blanket publish permission, as in nats-server.
            if (publish == null) {
                publish = SubjectPermissionSettings.allowing(List.of());
            } else if (publish.allow() == null) {
                publish = new SubjectPermissionSettings(List.of(), publish.deny());
            }
        }
        return new PermissionSettings(publish, draft.subscribe, draft.responses);
    }

    private static SubjectPermissionSettings subjects(ConfigEntry entry, ConfigReader reader, boolean queues) {
        if (entry.value() instanceof ConfigMap block) {
            if (block.entries().isEmpty()) {
                return null;
            }
            Subjects draft = new Subjects(queues);
            ALLOW_DENY.apply(block, draft, reader);
            return new SubjectPermissionSettings(draft.allow, draft.deny == null ? List.of() : draft.deny);
        }
        List<String> allow = subjectList(entry, reader, queues);
        return allow == null ? null : SubjectPermissionSettings.allowing(allow);
    }

    /** nats-server's {@code parsePermSubjects}: a subject or a list of subjects, each checked. */
    private static List<String> subjectList(ConfigEntry entry, ConfigReader reader, boolean queues) {
        List<String> subjects = new ArrayList<>();
        ConfigValue value = entry.value();
        if (value instanceof ConfigString subject) {
            subjects.add(subject.value());
        } else if (value instanceof ConfigList list) {
            for (ConfigValue element : list.values()) {
                if (!(element instanceof ConfigString subject)) {
                    reader.error(element.position(), "Subject in permissions array cannot be cast to string");
                    return null;
                }
                subjects.add(subject.value());
            }
        } else {
            reader.error(entry, "Expected subject permissions to be a subject, or array of subjects, got "
                    + ConfigReader.goType(value));
            return null;
        }
        String problem = invalidSubject(subjects, queues);
        if (problem != null) {
            reader.error(entry, problem);
            return null;
        }
        return subjects;
    }

    /** nats-server's {@code checkPermSubjectArray}: null when every subject (and queue) is valid. */
    static String invalidSubject(List<String> subjects, boolean queues) {
        for (String subject : subjects) {
            if (SubjectFilter.isValid(subject)) {
                continue;
            }
            String[] fields = subject.trim().split("\\s+");
            if (!queues || fields.length != 2) {
                return "subject " + GoStrings.quote(subject) + " is not a valid subject";
            }
            if (!SubjectFilter.isValid(fields[0])) {
                return "subject " + GoStrings.quote(fields[0]) + " is not a valid subject";
            }
            if (!SubjectFilter.isValid(fields[1])) {
                return "queue " + GoStrings.quote(fields[1]) + " is not a valid queue";
            }
        }
        return null;
    }

    private static void allowResponses(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigBoolean allowed) {
            draft.responses = allowed.value() ? ResponsePermissionSettings.defaults() : null;
        } else if (entry.value() instanceof ConfigMap block) {
            Responses responses = new Responses();
            RESPONSES.apply(block, responses, reader);
            draft.responses = responses.failed ? null
                    : new ResponsePermissionSettings(responses.max, responses.expires);
        } else {
            reader.error(entry, "error parsing response permissions, expected a boolean or a map");
        }
    }

    private static void expires(Responses draft, ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigString text)) {
            reader.error(entry, "error parsing expires, not a duration string");
            draft.failed = true;
            return;
        }
        try {
            Duration ttl = GoDurations.parse(text.value());
            if (!ttl.isZero()) {
                draft.expires = ttl;
            }
        } catch (IllegalArgumentException e) {
            reader.error(entry, "error parsing expires: " + e.getMessage());
            draft.failed = true;
        }
    }
}
