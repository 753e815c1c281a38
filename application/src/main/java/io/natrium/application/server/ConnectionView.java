package io.natrium.application.server;

import io.natrium.application.port.TlsState;
import io.natrium.domain.auth.ConnectionType;

/**
 * One open connection as monitoring and the request info of service imports read it, from any thread, without
 * asking the connection's thread for anything. Times are on the connection's executor clock.
 */
public interface ConnectionView {

    long id();

    String remoteHost();

    int remotePort();

    /** How the client reached the server: plain NATS, WebSocket, MQTT or in-process. */
    ConnectionType connectionType();

    long rttNanos();

    long inMessages();

    long inBytes();

    long outMessages();

    long outBytes();

    /** When the connection was accepted. */
    long startNanos();

    /** The last CONNECT, message or subscription change from the client, or delivery to it. */
    long lastActivityNanos();

    /** How often this client, publishing, was paused because a subscriber could not keep up. */
    long stalls();

    /** Bytes queued for this client and not yet written. */
    long pendingBytes();

    /** What the client said about itself in CONNECT; empty before CONNECT. */
    ConnectDetails connectDetails();

    String accountName();

    /** Who the client authenticated as (user name or nkey); empty without authentication. */
    String authenticatedUser();

    /** What the connection's TLS handshake agreed; null without TLS or before the handshake finished. */
    TlsState tlsState();

    /** Now, on the clock the connection's start and activity times are on. */
    long clockNanos();
}
