package io.natrium.application.port.out;

import io.natrium.application.settings.ServerSettings;

import java.util.List;

/**
 * The outcome of reading the configuration again.
 *
 * @param settings the settings to put in force (meaningful only without errors)
 * @param changes  the options that change, as the lines nats-server logs for them
 *                 ({@code Reloaded: max_payload = 2048}, {@code Reloaded: authorization password}), secrets unshown
 * @param errors   why the reload cannot happen (file errors, options that need a restart); empty when it can
 */
public record ReloadPlan(ServerSettings settings, List<String> changes, List<String> errors) {

    public ReloadPlan {
        changes = List.copyOf(changes);
        errors = List.copyOf(errors);
    }
}
