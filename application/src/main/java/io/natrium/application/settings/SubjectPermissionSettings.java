package io.natrium.application.settings;

import java.util.List;

/**
 * Allowed and denied subjects for publishing or subscribing. Subscribe entries may name a queue group as
 * {@code "subject queue"}.
 *
 * @param allow the subjects allowed; null when no allow list was given (everything not denied is allowed)
 * @param deny  the subjects denied; empty for none
 */
public record SubjectPermissionSettings(List<String> allow, List<String> deny) {

    public SubjectPermissionSettings {
        allow = allow == null ? null : List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    public static SubjectPermissionSettings allowing(List<String> subjects) {
        return new SubjectPermissionSettings(subjects, List.of());
    }
}
