package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ProtocolError;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's answers to a client that breaks the protocol: which mistakes get an {@code -ERR}, which are logged
 * and how each closes the connection.
 */
final class ProtocolErrors {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final String UNKNOWN_OPERATION = "Unknown Protocol Operation";

    private ProtocolErrors() {
    }

    /** A line the parser could not read as any operation's arguments: logged, closed without {@code -ERR}. */
    static void clientError(ClientConnection connection, String text) {
        LOG.error("{} - Client Error {}", connection, text);
        connection.closeQuietly(CloseReason.PARSE_ERROR);
    }

    static void protocolError(ClientConnection connection, ClientAuthentication authentication, ProtocolError error,
            String detail) {
        switch (error) {
            case UNKNOWN_OPERATION -> {
                connection.closeWithError(UNKNOWN_OPERATION, CloseReason.PROTOCOL_VIOLATION);
                LOG.error("{} - {}", connection, detail);
            }
            case MAX_CONTROL_LINE_EXCEEDED -> {
                connection.closeWithError("maximum control line exceeded", CloseReason.MAX_CONTROL_LINE_EXCEEDED);
                LOG.error("{} - {}", connection, detail);
            }
            case OPERATION_BEFORE_CONNECT -> authentication.failed(CloseReason.AUTHENTICATION_VIOLATION);
            case MAX_PAYLOAD_EXCEEDED -> {
                LOG.error("{} - {}", connection, detail);
                connection.closeWithError("Maximum Payload Violation", CloseReason.MAX_PAYLOAD_EXCEEDED);
            }
            default -> {
                LOG.error("{} - {}", connection, detail);
                connection.closeQuietly(CloseReason.PROTOCOL_VIOLATION);
            }
        }
    }
}
