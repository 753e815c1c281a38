package io.natrium.domain.auth;

/** Keeps secrets out of {@code toString}, and so out of logs. */
final class Secret {

    private Secret() {
    }

    static String redact(String secret) {
        return secret == null || secret.isEmpty() ? "" : "[REDACTED]";
    }
}
