package io.natrium.application.port.out;

import java.io.IOException;
import java.util.Map;

/**
 * Where a directory resolver keeps account JWTs between runs: one JWT per account public key, in nats-server's
 * on-disk layout so either server reads what the other wrote. Only storage: what to keep, and when, is decided by
 * the application. Errors carry the text nats-server would report (they reach request replies).
 */
public interface AccountJwtStore {

    /** Every JWT held, by account public key; a deleted one is not held. */
    Map<String, String> readAll() throws IOException;

    /** Writes (or replaces) the JWT of an account. */
    void write(String account, String jwt) throws IOException;

    /**
     * Removes the JWT of an account; {@code keep} leaves it renamed aside as nats-server's {@code allow_delete}
     * does, rather than gone. Nothing happens when there is none.
     */
    void delete(String account, boolean keep) throws IOException;
}
