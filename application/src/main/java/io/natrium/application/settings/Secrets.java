package io.natrium.application.settings;

/** Keeps passwords and tokens out of {@code toString()}, and so out of logs and reload messages. */
final class Secrets {

    static final String REDACTED = "[REDACTED]";

    private Secrets() {
    }

    static String redact(String secret) {
        return secret == null ? null : REDACTED;
    }
}
