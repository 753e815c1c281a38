package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.Position;
import io.natrium.domain.text.GoStrings;

/**
 * An option that was given but that Natrium does not implement yet: the server starts, warns, and ignores it.
 *
 * @param position where the key was written; null for a command-line flag
 * @param option   the configuration key ({@code authorization}) or the flag ({@code --user})
 */
public record UnsupportedOption(Position position, String option) {

    public String message() {
        String what = position == null ? "flag " + option : GoStrings.quote(option);
        return what + " is not supported by Natrium yet and is ignored";
    }

    @Override
    public String toString() {
        return position == null ? message() : position + ": " + message();
    }
}
