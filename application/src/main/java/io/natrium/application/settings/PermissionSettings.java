package io.natrium.application.settings;

/**
 * What a user may publish and subscribe to ({@code permissions}).
 *
 * @param publish        publish permissions; null when not restricted
 * @param subscribe      subscribe permissions; null when not restricted
 * @param allowResponses response permissions; null when not given
 */
public record PermissionSettings(
        SubjectPermissionSettings publish,
        SubjectPermissionSettings subscribe,
        ResponsePermissionSettings allowResponses) {
}
