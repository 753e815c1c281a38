package io.natrium.application.account;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The subscriptions nats-server's internal client of an account holds for the account's imports: one on the local
 * subject of each service import, and, once a request has crossed into the account as an exporter, one on its
 * response prefix ({@code _R_.xxxxxx.>}). nats-server routes imports through them; Natrium routes them through
 * {@link ImportRoutes}, so these are never delivered to ({@link ClientSubscription#ofImport}): they are here so that
 * /subsz, /varz, /accountz and the sublist statistics count and list them as nats-server does, with the messages
 * that crossed. Their sids come from one counter per account, as nats-server's {@code isid}. The internal client is
 * made with the first of them and numbered then, with the clients, as nats-server's {@code internalClient()} is.
 */
final class ImportSubscriptions {

    /** The id of an internal client whose account was given no numbering (an account made alone, in tests). */
    static final long UNNUMBERED = 0;

    private final Account account;
    private volatile LongSupplier ids = () -> UNNUMBERED;
    private DeliveryTarget internalClient;
    private final Map<String, ClientSubscription> services = new HashMap<>();
    private volatile ClientSubscription responses;
    private long lastSid;

    ImportSubscriptions(Account account) {
        this.account = account;
    }

    /** Where the internal client's id comes from when it is made: the clients' numbering. */
    void numberedBy(LongSupplier clientIds) {
        ids = clientIds;
    }

    /** Whether the internal client has been made (and numbered). */
    synchronized boolean hasInternalClient() {
        return internalClient != null;
    }

    /** The internal client's id, the client made (and numbered) now if it was not yet. */
    synchronized long internalClientId() {
        return internalClient().clientId();
    }

    /** The subscription of the service import on {@code localFilter}, made when the import is new. */
    synchronized ClientSubscription service(String localFilter) {
        return services.computeIfAbsent(localFilter, this::subscribe);
    }

    /** Drops the subscriptions of service imports the account no longer has (a reload removed them). */
    synchronized void retainServices(Set<String> localFilters) {
        services.entrySet().removeIf(entry -> {
            if (localFilters.contains(entry.getKey())) {
                return false;
            }
            account.sublist().remove(entry.getValue());
            return true;
        });
    }

    /** The subscription on the account's response prefix, made by the first request that crosses into it. */
    ClientSubscription responses(String replyPrefix) {
        ClientSubscription made = responses;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (responses == null) {
                responses = subscribe(replyPrefix + ">");
            }
            return responses;
        }
    }

    private DeliveryTarget internalClient() {
        if (internalClient == null) {
            internalClient = DeliveryTarget.internal(ids.getAsLong());
        }
        return internalClient;
    }

    private ClientSubscription subscribe(String subject) {
        lastSid++;
        ClientSubscription subscription = ClientSubscription.ofImport(internalClient(), account, subject,
                Long.toString(lastSid));
        account.sublist().insert(subscription);
        return subscription;
    }
}
