package io.natrium.bootstrap.logging;

/**
 * The log output cannot be set up: the file cannot be opened, the syslog address is wrong or does not answer. The
 * message is nats-server's ({@code error opening file: ...}, {@code error connecting to syslog: ...}); nats-server
 * exits with status 1 after printing it.
 */
public final class LoggingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LoggingException(String message) {
        super(message);
    }
}
