package io.natrium.domain.auth;

/** Fills arrays with random bytes; {@code new SecureRandom()::nextBytes} in production, a fixed source in tests. */
@FunctionalInterface
public interface NonceRandom {

    void nextBytes(byte[] bytes);
}
