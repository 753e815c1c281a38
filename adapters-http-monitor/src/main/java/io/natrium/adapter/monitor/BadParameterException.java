package io.natrium.adapter.monitor;

/** A query parameter nats-server would refuse; the message is the text of its HTTP 400 answer. */
final class BadParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    BadParameterException(String message) {
        super(message);
    }
}
