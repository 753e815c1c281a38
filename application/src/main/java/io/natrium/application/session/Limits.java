package io.natrium.application.session;

/**
 * nats-server's {@code applyAccountLimits}: a client's subscription and payload limits are the user JWT's (none
 * without a JWT), lowered by the account's and then by the server's. -1 is no limit at every level, and so is a
 * server limit of 0; any other value, 0 included, is a limit: a user JWT or account that says 0 (or leaves the
 * field out) allows no subscription and no payload byte, as in nats-server.
 */
final class Limits {

    /** The JWT library's {@code NoLimit}. */
    static final int NONE = -1;

    private Limits() {
    }

    /**
     * The client's limit.
     *
     * @param user    the user JWT's limit, or {@link #NONE} without one (Go keeps it in an int32)
     * @param account the account's limit, {@link #NONE} for none
     * @param server  the server's limit, 0 for none
     */
    static int effective(long user, int account, int server) {
        int value = lower((int) user, account);
        return lower(value, server == 0 ? NONE : server);
    }

    /** Go's {@code minLimit}: {@code limit} replaces {@code value} when it is one and no limit or a lower one is. */
    static int lower(int value, int limit) {
        if (limit == NONE) {
            return value;
        }
        return value == NONE || limit < value ? limit : value;
    }
}
