package io.natrium.application.port.in;

import java.util.List;

/** What the process lifecycle asks of the server: where it listens, lame-duck mode, closing clients. */
public interface ServerLifecycleUseCase {

    /** The client listener is bound; INFO reports this address and port from now on. */
    void clientListenerBound(String host, int port);

    /** Enters lame-duck mode and tells every client that takes asynchronous INFO. */
    void announceLameDuckMode();

    /** Marks the server as shutting down. */
    void beginShutdown();

    /** The ids of the open client connections. */
    List<Long> openClientIds();

    /** Closes one client (flushing what is queued for it) because the server is going away. */
    void closeClient(long clientId);
}
