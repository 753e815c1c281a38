package io.natrium.adapter.config;

import io.natrium.domain.text.GoStrings;

/**
 * Why an option whose feature Natrium does not implement yet stops the start (and fails {@code -t} and a reload)
 * instead of being ignored with a warning: ignoring it would run a server other than the one asked for in a way the
 * user cannot see. Options whose absence only costs a nicety are warned about instead ({@link UnsupportedOption}).
 */
enum Refusal {

    /** Without the feature clients would cross the network in clear text or go unchecked: TLS, operator mode. */
    SECURITY("running without it would weaken security"),
    /** The feature is a listener of its own; the clients it is configured for would find nothing there. */
    LISTENER("its listener cannot be opened");

    private final String consequence;

    Refusal(String consequence) {
        this.consequence = consequence;
    }

    /** {@code "tls" is not supported by Natrium yet; running without it would weaken security}. */
    String message(String option) {
        return option + " is not supported by Natrium yet; " + consequence;
    }

    /** The message for a configuration key, quoted as nats-server quotes field names. */
    String forKey(String key) {
        return message(GoStrings.quote(key));
    }

    /** The message for a command-line flag, written as Go's flag package names it ({@code -tls}). */
    String forFlag(String flag) {
        return message("flag -" + flag);
    }
}
