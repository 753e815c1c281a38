/**
 * What a client may publish and subscribe to, decided as nats-server decides it (its {@code server/client.go}):
 * {@link io.natrium.domain.permission.Permissions} holds one user's compiled allow and deny lists and answers pure
 * questions; {@link io.natrium.domain.permission.ClientPermissions} is the per-connection state around it (the
 * publish decision cache, the delivery-time deny filter and the reply subjects {@code allow_responses} lets the
 * client answer); {@link io.natrium.domain.permission.PermissionViolation} writes the {@code -ERR} texts. Time is
 * passed in, never read.
 */
package io.natrium.domain.permission;
