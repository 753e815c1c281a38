package io.natrium.adapter.protocol;

import java.io.IOException;

/**
 * A read error a transport found in what the client sent (a WebSocket frame breaking the protocol), which nats-server
 * logs as an error ({@code read error: <message>}) where it passes over a plain socket's read errors in silence. The
 * connection closes with the {@code Read Error} state either way.
 */
public final class ClientReadError extends IOException {

    private static final long serialVersionUID = 1L;

    public ClientReadError(String message) {
        super(message);
    }
}
