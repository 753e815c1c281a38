package io.natrium.domain.auth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The nonces INFO carries for clients to sign: 11 random bytes in unpadded base64url, 15 characters, as nats-server
 * makes them. Clients sign the nonce's characters, not the bytes behind them. Thread-safe when its source is.
 */
public final class NonceGenerator {

    /** Random bytes per nonce (nats-server's {@code nonceRawLen}). */
    public static final int RAW_LENGTH = 11;
    /** Characters per nonce (nats-server's {@code nonceLen}). */
    public static final int LENGTH = 15;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final NonceRandom random;

    public NonceGenerator(NonceRandom random) {
        this.random = random;
    }

    /** A generator drawing from a new {@link SecureRandom}. */
    public static NonceGenerator secure() {
        return new NonceGenerator(new SecureRandom()::nextBytes);
    }

    public String next() {
        byte[] raw = new byte[RAW_LENGTH];
        random.nextBytes(raw);
        return ENCODER.encodeToString(raw);
    }
}
