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
import io.natrium.domain.text.GoFloats;

import java.util.stream.Collectors;

/** A configuration value as Go's {@code %v} prints the parsed value in nats-server's messages. */
final class GoValue {

    private GoValue() {
    }

    /** {@code %v} of a configuration value, e.g. {@code map[a:1]}, {@code [x y]}, {@code true}, {@code 1.5}. */
    static String of(ConfigValue value) {
        if (value instanceof ConfigString string) {
            return string.value();
        }
        if (value instanceof ConfigInteger integer) {
            return Long.toString(integer.value());
        }
        if (value instanceof ConfigFloat number) {
            return GoFloats.v(number.value());
        }
        if (value instanceof ConfigBoolean bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof ConfigDate date) {
            return date.value().toString();
        }
        if (value instanceof ConfigList list) {
            return list.values().stream().map(GoValue::of).collect(Collectors.joining(" ", "[", "]"));
        }
        ConfigMap map = (ConfigMap) value;
        return map.all().stream().map(GoValue::entry).sorted().collect(Collectors.joining(" ", "map[", "]"));
    }

    private static String entry(ConfigEntry entry) {
        return entry.key() + ":" + of(entry.value());
    }
}
