package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigBoolean;
import io.natrium.adapter.config.syntax.ConfigDate;
import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigError;
import io.natrium.adapter.config.syntax.ConfigFloat;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.adapter.config.syntax.Position;
import io.natrium.domain.text.GoDurations;
import io.natrium.domain.text.GoStrings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * Reads typed values out of a configuration tree and collects what is wrong with them, with nats-server's
 * messages. Where nats-server type-asserts ({@code v.(string)}) and turns the panic into an error, the message is
 * Go's: {@code interface conversion: interface {} is int64, not string}. A map entry's problems are reported at
 * its key, as nats-server's pedantic parser does; a list element's at the element.
 */
final class ConfigReader {

    private static final Map<Class<? extends ConfigValue>, String> GO_TYPES = Map.of(
            ConfigString.class, "string", ConfigInteger.class, "int64", ConfigFloat.class, "float64",
            ConfigBoolean.class, "bool", ConfigDate.class, "time.Time", ConfigList.class, "[]interface {}",
            ConfigMap.class, "map[string]interface {}");

    private final List<ConfigError> errors = new ArrayList<>();
    private final List<ConfigError> warnings = new ArrayList<>();
    private final List<ConfigError> notices = new ArrayList<>();
    private final List<UnsupportedOption> unsupported = new ArrayList<>();
    private final List<ConfigError> refusals = new ArrayList<>();

    List<ConfigError> errors() {
        return errors;
    }

    /** nats-server's configuration warnings: fatal for {@code -t}, printed on standard error at start. */
    List<ConfigError> warnings() {
        return warnings;
    }

    /** Natrium's own remarks about the file (nats-server has none there): logged as warnings at start. */
    List<ConfigError> notices() {
        return notices;
    }

    List<UnsupportedOption> unsupported() {
        return unsupported;
    }

    /** The errors that are refusals of features Natrium lacks (also among {@link #errors()}, in file order). */
    List<ConfigError> refusals() {
        return refusals;
    }

    int errorCount() {
        return errors.size();
    }

    void error(Position at, String message) {
        errors.add(new ConfigError(at, message));
    }

    void error(ConfigEntry entry, String message) {
        error(entry.keyPosition(), message);
    }

    void warning(ConfigEntry entry, String message) {
        warnings.add(new ConfigError(entry.keyPosition(), message));
    }

    void notice(ConfigEntry entry, String message) {
        notices.add(new ConfigError(entry.keyPosition(), message));
    }

    /** nats-server's configuration warning: {@code invalid use of field "x": reason}. */
    void invalidUse(ConfigEntry entry, String field, String reason) {
        warning(entry, "invalid use of field " + GoStrings.quote(field) + ": " + reason);
    }

    void unknownField(ConfigEntry entry) {
        error(entry, "unknown field " + GoStrings.quote(entry.key()));
    }

    void unsupported(ConfigEntry entry) {
        unsupported.add(new UnsupportedOption(entry.keyPosition(), entry.key()));
    }

    /** The entry asks for a feature Natrium lacks and cannot do without: an error at its key. */
    void refuse(ConfigEntry entry, Refusal refusal) {
        ConfigError error = new ConfigError(entry.keyPosition(), refusal.forKey(entry.key()));
        errors.add(error);
        refusals.add(error);
    }

    /** Go's name of a value's type ({@code %T}). */
    static String goType(ConfigValue value) {
        return GO_TYPES.get(value.getClass());
    }

    /** The value as the given kind, or null after reporting Go's failed type assertion at {@code at}. */
    <T extends ConfigValue> T as(ConfigValue value, Position at, Class<T> type) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        error(at, "interface conversion: interface {} is " + goType(value) + ", not " + GO_TYPES.get(type));
        return null;
    }

    <T extends ConfigValue> T as(ConfigEntry entry, Class<T> type) {
        return as(entry.value(), entry.keyPosition(), type);
    }

    String string(ConfigEntry entry) {
        ConfigString value = as(entry, ConfigString.class);
        return value == null ? null : value.value();
    }

    String string(ConfigValue element) {
        ConfigString value = as(element, element.position(), ConfigString.class);
        return value == null ? null : value.value();
    }

    ConfigMap map(ConfigEntry entry) {
        return as(entry, ConfigMap.class);
    }

    ConfigList list(ConfigEntry entry) {
        return as(entry, ConfigList.class);
    }

    void string(ConfigEntry entry, Consumer<String> use) {
        String value = string(entry);
        if (value != null) {
            use.accept(value);
        }
    }

    void integer(ConfigEntry entry, LongConsumer use) {
        ConfigInteger value = as(entry, ConfigInteger.class);
        if (value != null) {
            use.accept(value.value());
        }
    }

    /**
     * nats-server's checked int32 ({@code max_payload}, {@code max_control_line}): above the int32 range
     * {@code <key> value is too big}; below it Go's {@code int32()} conversion keeps the low 32 bits.
     */
    void int32(ConfigEntry entry, IntConsumer use) {
        integer(entry, value -> {
            if (value > Integer.MAX_VALUE) {
                error(entry, entry.key() + " value is too big");
            } else {
                use.accept((int) value);
            }
        });
    }

    /**
     * Go's {@code int(v.(int64))}, a 64-bit count that Natrium keeps in an int: nats-server takes any value, and
     * beyond the int range nothing is counted that high, so the value saturates.
     */
    void goInt(ConfigEntry entry, IntConsumer use) {
        integer(entry, value -> use.accept((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value))));
    }

    /** Go's {@code int32(v.(int64))}: the low 32 bits, which is also what Java's cast keeps. */
    void goInt32(ConfigEntry entry, IntConsumer use) {
        integer(entry, value -> use.accept((int) value));
    }

    void bool(ConfigEntry entry, Consumer<Boolean> use) {
        ConfigBoolean value = as(entry, ConfigBoolean.class);
        if (value != null) {
            use.accept(value.value());
        }
    }

    /**
     * nats-server's {@code parseDuration}: a duration string ({@code "2m"}), or a bare integer taken as seconds
     * with the warning {@code <field> should be converted to a duration}.
     */
    void duration(String field, ConfigEntry entry, Consumer<Duration> use) {
        if (entry.value() instanceof ConfigString text) {
            try {
                use.accept(GoDurations.parse(text.value()));
            } catch (IllegalArgumentException e) {
                error(entry, "error parsing " + field + ": " + e.getMessage());
            }
            return;
        }
        ConfigInteger seconds = as(entry, ConfigInteger.class);
        if (seconds != null) {
            invalidUse(entry, field, field + " should be converted to a duration");
            use.accept(GoDurations.ofWholeSeconds(seconds.value()));
        }
    }

    /** A duration that must be a string ({@code time.ParseDuration(v.(string))}); failures as {@code prefix: err}. */
    void durationString(ConfigEntry entry, String errorPrefix, Consumer<Duration> use) {
        string(entry, text -> {
            try {
                use.accept(GoDurations.parse(text));
            } catch (IllegalArgumentException e) {
                error(entry, errorPrefix + e.getMessage());
            }
        });
    }

    /**
     * Seconds as nats-server reads timeouts: an integer, a float or a duration string. Returns null after
     * reporting {@code <prefix> <parse error>} or {@code <prefix> wrong type}.
     */
    Duration seconds(ConfigEntry entry, String prefix) {
        Double seconds = secondsValue(entry, prefix);
        return seconds == null ? null : GoDurations.ofSeconds(seconds);
    }

    /** Like {@link #seconds}, as the float64 count of seconds nats-server keeps for it. */
    Double secondsValue(ConfigEntry entry, String prefix) {
        ConfigValue value = entry.value();
        if (value instanceof ConfigInteger integer) {
            return (double) integer.value();
        }
        if (value instanceof ConfigFloat number) {
            return number.value();
        }
        if (value instanceof ConfigString text) {
            try {
                return GoDurations.parse(text.value()).toNanos() / 1e9;
            } catch (IllegalArgumentException e) {
                error(entry, prefix + " " + e.getMessage());
                return null;
            }
        }
        error(entry, prefix + " wrong type");
        return null;
    }

    /**
     * nats-server's {@code parseStringArray}: a string or a list of strings. Returns null after reporting
     * {@code error parsing <name>: unsupported type <T>}; elements of another kind are reported and skipped.
     */
    List<String> stringArray(String name, ConfigEntry entry) {
        if (entry.value() instanceof ConfigString text) {
            return List.of(text.value());
        }
        if (!(entry.value() instanceof ConfigList list)) {
            error(entry, "error parsing " + name + ": unsupported type " + goType(entry.value()));
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (ConfigValue element : list.values()) {
            if (element instanceof ConfigString text) {
                strings.add(text.value());
            } else {
                error(element.position(), "error parsing " + name + ": unsupported type in array " + goType(element));
            }
        }
        return strings;
    }

    /** The strings of a list, each element type-asserted to a string (failures reported and skipped). */
    List<String> strings(ConfigList list) {
        List<String> strings = new ArrayList<>();
        for (ConfigValue element : list.values()) {
            String text = string(element);
            if (text != null) {
                strings.add(text);
            }
        }
        return strings;
    }

    /** A percentage as nats-server reads one: {@code "50%"} or {@code "50"} is 50 ({@code strings.TrimSuffix}). */
    static String withoutPercent(String text) {
        return text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
    }
}
