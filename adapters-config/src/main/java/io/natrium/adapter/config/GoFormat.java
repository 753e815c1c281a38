package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigBoolean;
import io.natrium.adapter.config.syntax.ConfigDate;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigFloat;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.domain.permission.GoQuote;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

/** Values printed the way Go's {@code fmt} verbs print them in nats-server's messages. */
final class GoFormat {

    private GoFormat() {
    }

    /** {@code %q} of a string. */
    static String quote(String text) {
        return GoQuote.of(text);
    }

    /** {@code %q} of a list of strings: {@code ["a" "b"]}. */
    static String quote(Collection<String> texts) {
        return texts.stream().map(GoFormat::quote).collect(Collectors.joining(" ", "[", "]"));
    }

    /** {@code %v} of a duration. */
    static String duration(Duration duration) {
        return GoDuration.format(duration);
    }

    /** {@code %v} of a configuration value, e.g. {@code map[a:1]}, {@code [x y]}, {@code true}. */
    static String value(ConfigValue value) {
        if (value instanceof ConfigString string) {
            return string.value();
        }
        if (value instanceof ConfigInteger integer) {
            return Long.toString(integer.value());
        }
        if (value instanceof ConfigFloat number) {
            return floating(number.value());
        }
        if (value instanceof ConfigBoolean bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof ConfigDate date) {
            return date.value().toString();
        }
        if (value instanceof ConfigList list) {
            return list.values().stream().map(GoFormat::value).collect(Collectors.joining(" ", "[", "]"));
        }
        ConfigMap map = (ConfigMap) value;
        return map.all().stream().map(GoFormat::entry).sorted().collect(Collectors.joining(" ", "map[", "]"));
    }

    /** {@code %v} of a float64. */
    static String floating(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** {@code %f} of a float64. */
    static String fixed(double value) {
        return String.format(java.util.Locale.ROOT, "%f", value);
    }

    private static String entry(ConfigEntry entry) {
        return entry.key() + ":" + value(entry.value());
    }
}
