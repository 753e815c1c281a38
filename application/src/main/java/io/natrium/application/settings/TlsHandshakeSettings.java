package io.natrium.application.settings;

import java.time.Duration;

/**
 * When and how fast handshakes happen.
 *
 * @param timeout       how long a handshake may take ({@code timeout})
 * @param rateLimit     the most new TLS connections per second ({@code connection_rate_limit}); 0 for no limit
 * @param first         handshake before sending INFO ({@code handshake_first})
 * @param fallbackDelay with {@code first}, how long to wait for a TLS hello before falling back to INFO first;
 *                      zero for no fallback
 */
public record TlsHandshakeSettings(Duration timeout, long rateLimit, boolean first, Duration fallbackDelay) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_FALLBACK_DELAY = Duration.ofMillis(50);

    public static TlsHandshakeSettings defaults() {
        return new TlsHandshakeSettings(DEFAULT_TIMEOUT, 0, false, Duration.ZERO);
    }
}
