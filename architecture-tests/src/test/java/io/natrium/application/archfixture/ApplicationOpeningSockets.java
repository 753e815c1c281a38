package io.natrium.application.archfixture;

import java.io.IOException;
import java.net.Socket;

/** Deliberately bad: a use case opening a connection itself instead of going through an out-port. */
public class ApplicationOpeningSockets {
    public Socket connect(String host, int port) throws IOException {
        return new Socket(host, port);
    }
}
