package io.natrium.domain.auth;

/** Fills arrays with random bytes; {@code new SecureRandom()::nextBytes} in production, a fixed source in tests. */
@FunctionalInterface
public interface RandomSource {

    void nextBytes(byte[] bytes);
}
