package io.natrium.adapter.config;

import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;
import io.natrium.domain.text.GoDurations;

import java.util.function.Function;

/**
 * How one option is compared on reload and whether nats-server lets it change ({@code diffOptions} in
 * {@code server/reload.go}).
 *
 * @param setting the option
 * @param goField the field of nats-server's {@code Options} named in its refusal
 * @param value   the option's value in settings
 * @param policy  whether a change is applied or refused
 */
record ReloadRule(Setting setting, String goField, Function<ServerSettings, Object> value, Policy policy) {

    /** Whether a change can be applied. */
    enum Policy {
        /** Applied on reload. */
        RELOADABLE,
        /** Refused: the server must be restarted. */
        REFUSED,
        /** Decided by {@link ReloadRules#special}. */
        SPECIAL
    }

    /** The refusal in nats-server's words. */
    String refusal(Object oldValue, Object newValue) {
        return "config reload not supported for " + goField + ": old=" + show(oldValue) + ", new=" + show(newValue);
    }

    private static String show(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.time.Duration duration) {
            return GoDurations.format(duration);
        }
        return value.toString();
    }
}
