package io.natrium.application.security;

import io.natrium.application.settings.PermissionSettings;
import io.natrium.application.settings.ResponsePermissionSettings;
import io.natrium.application.settings.SubjectPermissionSettings;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.permission.ResponsePermission;
import io.natrium.domain.permission.SubjectPermission;

/**
 * The {@code permissions} of the settings as the domain's {@link Permissions}. Public for the offline checker, which
 * compiles an account's {@code default_permissions} the way the server compiles a user's.
 */
public final class PermissionsMapping {

    private PermissionsMapping() {
    }

    /** Null settings (no permissions given) mean an unrestricted user. */
    public static Permissions of(PermissionSettings settings) {
        if (settings == null) {
            return Permissions.unrestricted();
        }
        return Permissions.of(subjects(settings.publish()), subjects(settings.subscribe()),
                responses(settings.allowResponses()));
    }

    private static SubjectPermission subjects(SubjectPermissionSettings settings) {
        return settings == null ? null : new SubjectPermission(settings.allow(), settings.deny());
    }

    private static ResponsePermission responses(ResponsePermissionSettings settings) {
        return settings == null ? null : new ResponsePermission(settings.maxMessages(), settings.expires());
    }
}
