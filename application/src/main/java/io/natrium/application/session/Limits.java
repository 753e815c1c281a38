package io.natrium.application.session;

/** nats-server's reading of a server limit beside an account's. */
final class Limits {

    private Limits() {
    }

    /** The lower of two limits where 0 or less means none. */
    static int lower(int server, int account) {
        if (account <= 0) {
            return server;
        }
        return server <= 0 ? account : Math.min(server, account);
    }

    /** A user JWT's limit (-1 for none; 0, as Natrium reads limits, also none) in Go's int32. */
    static int ofJwt(long limit) {
        return (int) limit;
    }
}
