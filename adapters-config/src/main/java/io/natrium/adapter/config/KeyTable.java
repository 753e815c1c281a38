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
 * block's own wording) unless it defines a variable that is used. A key whose feature Natrium lacks is mapped (so
 * nats-server's own errors for it come first) and, when it had none, either reported as unsupported
 * ({@linkplain #notYet}) or refused with an error ({@linkplain #refused}) when ignoring it would be unsafe.
 *
 * @param <T> the draft the handlers fill
 */
final class KeyTable<T> {

    /** What one key does. */
    @FunctionalInterface
    interface Handler<T> {
        void apply(T draft, ConfigEntry entry, ConfigReader reader);
    }

    /** What a key does; {@code refusal} set when the key stops the start, {@code supported} false when it warns. */
    private record Registration<T>(Handler<T> handler, boolean supported, Refusal refusal) {
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
        return register(new Registration<>(handler, true, null), names);
    }

    /** A key whose feature is missing but whose absence is harmless: the server starts and warns. */
    KeyTable<T> notYet(Handler<T> handler, String... names) {
        return register(new Registration<>(handler, false, null), names);
    }

    /** A key whose feature is missing and may not be ignored: an error, so the server does not start. */
    KeyTable<T> refused(Refusal refusal, Handler<T> handler, String... names) {
        return register(new Registration<>(handler, false, refusal), names);
    }

    private KeyTable<T> register(Registration<T> registration, String... names) {
        for (String name : names) {
            if (keys.put(name, registration) != null) {
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
            if (registration.supported() || reader.errorCount() != errors) {
                continue;
            }
            if (registration.refusal() != null) {
                reader.refuse(entry, registration.refusal());
            } else {
                reader.unsupported(entry);
            }
        }
    }
}
