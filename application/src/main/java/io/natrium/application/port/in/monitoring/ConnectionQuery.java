package io.natrium.application.port.in.monitoring;

/**
 * What /connz asks for, as nats-server's {@code ConnzOptions}.
 *
 * @param sort          a sort key ({@link ConnectionSort}) as given, empty for the default (by cid)
 * @param auth          include the authorized user and account
 * @param offset        how many connections to skip; negative counts as 0
 * @param limit         how many to return at most; 0 or less means 1024
 * @param cid           only this connection, 0 for any
 * @param user          only connections of this user, empty for any
 * @param account       only connections of this account, empty for any
 * @param mqttClient    only the MQTT connection with this client id, empty for any
 */
public record ConnectionQuery(
        String sort,
        boolean auth,
        SubscriptionListing subscriptions,
        int offset,
        int limit,
        long cid,
        ConnectionState state,
        String user,
        String account,
        String mqttClient) {

    /** nats-server's default page size. */
    public static final int DEFAULT_LIMIT = 1024;

    /** Every open connection, sorted by cid, the first 1024. */
    public static ConnectionQuery defaults() {
        return new ConnectionQuery("", false, SubscriptionListing.NONE, 0, 0, 0, ConnectionState.OPEN, "", "", "");
    }
}
