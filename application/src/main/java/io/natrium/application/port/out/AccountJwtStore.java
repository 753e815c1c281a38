package io.natrium.application.port.out;

import java.util.Map;

/**
 * Where a directory resolver keeps account JWTs between runs: one JWT per account public key, in nats-server's
 * on-disk layout so either server reads what the other wrote. Only storage: what to keep, and when, is decided by
 * the application. A failure is an {@link IllegalStateException} carrying the text nats-server would report (it
 * reaches request replies); the application stays free of I/O types.
 */
public interface AccountJwtStore {

    /** Every JWT held, by account public key; a deleted one is not held. */
    Map<String, String> readAll();

    /**
     * The JWT of one account as its file holds it now (written by hand, perhaps, while the server runs), or null
     * when there is none.
     */
    String read(String account);

    /** Writes (or replaces) the JWT of an account. */
    void write(String account, String jwt);

    /**
     * Removes the JWT of an account; {@code keep} leaves it renamed aside as nats-server's {@code allow_delete}
     * does, rather than gone. Nothing happens when there is none.
     */
    void delete(String account, boolean keep);
}
