package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.application.settings.LatencySettings;
import io.natrium.domain.text.GoStrings;

import java.util.Locale;

/** A service export's {@code latency}: a subject, or {@code {sampling: "N%" | N | headers, subject}}. */
final class LatencyMapper {

    private LatencyMapper() {
    }

    /** The latency tracking of an entry, or null when it is wrong (reported). */
    static LatencySettings map(ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigString subject) {
            return new LatencySettings(LatencySettings.DEFAULT_SAMPLING, false, subject.value());
        }
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "Expected latency entry to be a map/struct or string, got "
                    + ConfigReader.goType(entry.value()));
            return null;
        }
        int sampling = LatencySettings.DEFAULT_SAMPLING;
        boolean headers = false;
        ConfigEntry samplingEntry = block.get("sampling");
        if (samplingEntry != null) {
            if (samplingEntry.value() instanceof ConfigString text
                    && text.value().trim().toLowerCase(Locale.ROOT).equals("headers")) {
                headers = true;
                sampling = 0;
            } else {
                Integer sample = sample(samplingEntry, reader);
                if (sample == null) {
                    return null;
                }
                sampling = sample;
            }
        }
        ConfigEntry subjectEntry = block.get("subject");
        if (subjectEntry == null) {
            reader.error(entry, "Latency subject required, but missing");
            return null;
        }
        if (!(subjectEntry.value() instanceof ConfigString subject)) {
            reader.error(subjectEntry, "Expected latency subject to be a string, got "
                    + ConfigReader.goType(subjectEntry.value()));
            return null;
        }
        return new LatencySettings(sampling, headers, subject.value());
    }

    private static Integer sample(ConfigEntry entry, ConfigReader reader) {
        long sample;
        if (entry.value() instanceof ConfigInteger number) {
            sample = number.value();
        } else if (entry.value() instanceof ConfigString text) {
            String digits = ConfigReader.withoutPercent(text.value());
            try {
                sample = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                reader.error(entry, "Failed to parse latency sample: strconv.Atoi: parsing " + GoStrings.quote(digits)
                        + ": invalid syntax");
                return null;
            }
        } else {
            reader.error(entry, "Expected latency sample to be a string or map/struct, got "
                    + ConfigReader.goType(entry.value()));
            return null;
        }
        if (sample < 1 || sample > 100) {
            reader.error(entry, "bad sampling percentage, should be 1-100");
            return null;
        }
        return (int) sample;
    }
}
