package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.domain.text.GoStrings;

/** The {@code sampling} of an account's {@code msg_trace}: an integer or a percentage, 1 to 100. */
final class TraceSampling {

    private TraceSampling() {
    }

    /** The sampling, or 0 when it is wrong (reported). */
    static int of(ConfigEntry entry, ConfigReader reader) {
        long sampling;
        if (entry.value() instanceof ConfigInteger number) {
            sampling = number.value();
        } else if (entry.value() instanceof ConfigString text) {
            String digits = ConfigReader.withoutPercent(text.value());
            try {
                sampling = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                reader.error(entry, "Invalid trace destination sampling value " + GoStrings.quote(text.value()));
                return 0;
            }
        } else {
            reader.error(entry, "Trace destination sampling field " + GoStrings.quote(entry.key())
                    + " should be an integer or a percentage, got " + ConfigReader.goType(entry.value()));
            return 0;
        }
        if (sampling <= 0 || sampling > 100) {
            reader.error(entry, "Ttrace destination sampling value " + sampling + " is invalid, needs to be [1..100]");
            return 0;
        }
        return (int) sampling;
    }
}
