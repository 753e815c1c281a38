package io.natrium.application.port.in;

import java.util.List;

/** What a reload did. */
public sealed interface ReloadResult {

    /** The new settings are in force; {@code changes} are the lines logged for what changed. */
    record Reloaded(List<String> changes) implements ReloadResult {
        public Reloaded {
            changes = List.copyOf(changes);
        }
    }

    /** Nothing changed: the configuration could not be read, or it changes what needs a restart. */
    record Failed(List<String> errors) implements ReloadResult {
        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
