package io.natrium.application.port.out;

import java.io.IOException;

/**
 * Where the URL resolver fetches account JWTs: an account server answering {@code <url>/<account>}. Blocking: never
 * called on a connection's thread. Errors carry the text nats-server would log.
 */
public interface AccountJwtFetcher {

    /** The JWT the account server holds for {@code account}. */
    String fetch(String account) throws IOException;
}
