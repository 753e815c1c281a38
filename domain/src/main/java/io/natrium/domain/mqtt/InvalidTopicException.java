package io.natrium.domain.mqtt;

/** An MQTT topic or topic filter that has no NATS subject; the message is nats-server's wording. */
public final class InvalidTopicException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidTopicException(String message) {
        super(message, null, false, false);
    }
}
