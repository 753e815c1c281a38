package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.domain.text.GoStrings;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The keys of one configuration block, each with its aliases and what it does to a draft of the settings. Keys
 * match case-insensitively, as in nats-server. An unknown key is an error ({@code unknown field "x"} or the
 * block's own wording) unless it defines a variable that is used; a key registered as {@linkplain #notYet not supported yet} is mapped and also reported
 * as unsupported when it had no error.
 *
 * @param <T> the draft the handlers fill
 */
final class KeyTable<T> {

    /** What one key does. */
    @FunctionalInterface
    interface Handler<T> {
        void apply(T draft, ConfigEntry entry, ConfigReader reader);
    }

    private record Registration<T>(Handler<T> handler, boolean supported) {
    }

    private final Map<String, Registration<T>> keys = new HashMap<>();
    private final UnaryOperator<String> unknownMessage;

    private KeyTable(UnaryOperator<String> unknownMessage) {
        this.unknownMessage = unknownMessage;
    }

    /** A block whose unknown keys are reported as {@code unknown field "x"}. */
    static <T> KeyTable<T> strict() {
        return new KeyTable<>(key -> "unknown field " + GoStrings.quote(key));
    }

    /** A block with its own wording for an unknown key; {@code %s} is replaced by the quoted key. */
    static <T> KeyTable<T> unknownAs(String format) {
        return new KeyTable<>(key -> String.format(format, GoStrings.quote(key)));
    }

    KeyTable<T> on(Handler<T> handler, String... names) {
        return register(handler, true, names);
    }

    KeyTable<T> notYet(Handler<T> handler, String... names) {
        return register(handler, false, names);
    }

    private KeyTable<T> register(Handler<T> handler, boolean supported, String... names) {
        for (String name : names) {
            if (keys.put(name, new Registration<>(handler, supported)) != null) {
                throw new IllegalStateException("key registered twice: " + name);
            }
        }
        return this;
    }

    /** Maps every entry of the block onto the draft, in file order. */
    void apply(ConfigMap block, T draft, ConfigReader reader) {
        for (ConfigEntry entry : block.all()) {
            Registration<T> registration = keys.get(entry.key().toLowerCase(Locale.ROOT));
            if (registration == null) {
                // nats-server lets a key stand that only defines a variable used elsewhere ($KEY).
                if (!entry.usedAsVariable()) {
                    reader.error(entry, unknownMessage.apply(entry.key()));
                }
                continue;
            }
            int errors = reader.errorCount();
            registration.handler().apply(draft, entry, reader);
            if (!registration.supported() && reader.errorCount() == errors) {
                reader.unsupported(entry);
            }
        }
    }
}
