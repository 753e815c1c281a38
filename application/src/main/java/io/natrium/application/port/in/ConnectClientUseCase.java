package io.natrium.application.port.in;

import io.natrium.application.port.out.ClientOutbound;

/** A transport accepted a client connection; the application greets it and returns the session that drives it. */
public interface ConnectClientUseCase {

    /**
     * Registers the connection and sends it INFO. When the server cannot take it (too many connections, lame duck)
     * the returned session is already closing.
     */
    ClientSession connect(ConnectClientCommand command, ClientOutbound outbound);
}
