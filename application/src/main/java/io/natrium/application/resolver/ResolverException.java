package io.natrium.application.resolver;

/** A resolver operation refused or failed, in nats-server's words (they reach request replies and the log). */
public final class ResolverException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResolverException(String message) {
        super(message);
    }
}
