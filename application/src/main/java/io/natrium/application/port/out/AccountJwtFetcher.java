package io.natrium.application.port.out;

/**
 * Where the URL resolver fetches account JWTs: an account server answering {@code <url>/<account>}. Blocking: never
 * called on a connection's thread. A failure is an {@link IllegalStateException} carrying the text nats-server
 * would log.
 */
public interface AccountJwtFetcher {

    /** The JWT the account server holds for {@code account}. */
    String fetch(String account);
}
