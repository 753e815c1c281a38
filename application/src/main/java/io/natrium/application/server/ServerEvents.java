package io.natrium.application.server;

import io.natrium.application.account.Account;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.OcspPeerEvent;

/**
 * What connections tell the system account about, as nats-server's events: an account's connection count changed,
 * a client connected or closed, a client failed to authenticate. Called on the connection's own thread, once per
 * such change: never per message. The implementation queues the event and returns at once.
 */
public interface ServerEvents {

    /** For a server without a system account: nothing is published. */
    ServerEvents NONE = new ServerEvents() {
    };

    /** A client joined the account (nats-server's {@code addClient}): its connection count changed. */
    default void accountJoined(Account account) {
    }

    /** A client left the account (nats-server's {@code removeClient}; not sent for the global account). */
    default void accountLeft(Account account) {
    }

    /** A client was admitted to its account ({@code $SYS.ACCOUNT.<acc>.CONNECT}; not for the global account). */
    default void clientConnected(ConnectionView client) {
    }

    /** A client closed ({@code $SYS.ACCOUNT.<acc>.DISCONNECT}; not for the global account). */
    default void clientClosed(ConnectionView client, CloseReason reason) {
    }

    /** A client was refused ({@code $SYS.SERVER.<id>.CLIENT.AUTH.ERR}). */
    /**
     * A reload of configured accounts was put in force: nats-server 2.9.10 registers its accounts and clients again,
     * which asks for each account's connections and announces each client's account and CONNECT anew.
     */
    default void reloaded() {
    }

    default void authenticationFailed(ConnectionView client) {
    }

    /**
     * An OCSP peer check's event ({@code $SYS.SERVER.<id>.OCSP.PEER.CONN.REJECT}, or
     * {@code ...OCSP.PEER.LINK.INVALID} when it names a link); its server is filled in when it is sent. Called from
     * a handshake's thread.
     */
    default void ocspPeer(OcspPeerEvent event) {
    }
}
