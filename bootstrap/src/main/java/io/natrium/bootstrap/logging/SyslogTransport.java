package io.natrium.bootstrap.logging;

import java.io.IOException;

/** How syslog messages travel: a datagram each (UDP), or one after another on a stream (TCP, Unix socket). */
interface SyslogTransport {

    /** Connects, or connects again after a failed send. */
    void connect() throws IOException;

    /** Sends one complete message. */
    void send(byte[] message) throws IOException;

    void close();

    /** For error messages: {@code udp 127.0.0.1:514}. */
    String describe();
}
