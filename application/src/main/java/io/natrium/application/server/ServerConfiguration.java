package io.natrium.application.server;

import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.security.SecurityPolicy;
import io.natrium.application.settings.ServerSettings;

/**
 * The configuration in force, swapped whole by a reload: a reader that takes it once sees the settings, the security
 * policy made from them and the INFO announcing them together, never one reload's settings with another's policy.
 *
 * @param settings the settings loaded at start or by the last reload
 * @param security how clients authenticate under these settings
 * @param info     the INFO template (no client fields yet) announcing them
 */
public record ServerConfiguration(ServerSettings settings, SecurityPolicy security, ServerInfo info) {

    ServerConfiguration withInfo(ServerInfo value) {
        return new ServerConfiguration(settings, security, value);
    }
}
