package io.natrium.application.server;

import io.natrium.application.port.CloseReason;

/**
 * An open connection as the server as a whole acts on it: what monitoring reads, and the few server-wide events
 * every client must hear (lame duck mode, a reload, a shutdown). Each call is safe from any thread; the connection
 * hands the work to its own.
 */
public interface RegisteredClient extends ConnectionView {

    /** Lame duck mode began: tell the client to look for another server. */
    void announceLameDuckMode();

    /** Settings were reloaded: re-check what the client may do under them. */
    void settingsReloaded();

    /** Account JWTs changed (not the settings): re-check what the client may do under them. */
    void accountJwtsChanged();

    /** max_connections fell below the number of open connections and this one is beyond it. */
    void closeForMaxConnections();

    /** Its account's connection limit fell below the account's clients and this one is beyond it. */
    void closeForMaxAccountConnections();

    void closeFromServer(CloseReason reason);
}
