package io.natrium.application.settings;

/** What happens when a write to a client passes the write deadline ({@code write_timeout}). */
public enum WriteTimeoutPolicy {
    /** The server's choice: close client connections. */
    DEFAULT,
    /** Close the connection. */
    CLOSE,
    /** Keep trying. */
    RETRY
}
