package io.natrium.domain.jwt;

import io.natrium.domain.permission.Permissions;
import io.natrium.domain.permission.ResponsePermission;
import io.natrium.domain.permission.SubjectPermission;

/**
 * A user JWT's permissions as the domain's, as nats-server's {@code buildPermissionsFromJwt}: an empty direction is
 * unrestricted, an empty allow list is no allow list; a user without any takes its account's
 * {@code default_permissions}.
 */
final class JwtPermissionsMapping {

    private JwtPermissionsMapping() {
    }

    static Permissions of(JwtPermissions user, JwtPermissions accountDefaults) {
        JwtPermissions chosen = user.isEmpty() ? accountDefaults : user;
        return Permissions.of(direction(chosen.publish()), direction(chosen.subscribe()), response(chosen.response()));
    }

    private static SubjectPermission direction(SubjectRules rules) {
        if (rules.isEmpty()) {
            return null;
        }
        return new SubjectPermission(rules.allow().isEmpty() ? null : rules.allow(), rules.deny());
    }

    private static ResponsePermission response(ResponseRule rule) {
        return rule == null ? null : new ResponsePermission(rule.maxMessages(), rule.expires());
    }
}
