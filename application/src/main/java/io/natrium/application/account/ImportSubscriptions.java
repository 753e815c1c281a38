package io.natrium.application.account;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The subscriptions nats-server's internal client of an account holds for the account's imports: one on the local
 * subject of each service import, and, once a request has crossed into the account as an exporter, one on its
 * response prefix ({@code _R_.xxxxxx.>}). nats-server routes imports through them; Natrium routes them through
 * {@link ImportRoutes}, so these are never delivered to ({@link ClientSubscription#ofImport}): they are here so that
 * /subsz, /varz, /accountz and the sublist statistics count and list them as nats-server does, with the messages
 * that crossed. Their sids come from one counter per account, as nats-server's {@code isid}.
 */
final class ImportSubscriptions {

    /** Natrium's internal clients share the system client's id, outside the clients' numbering. */
    static final long INTERNAL_CLIENT_ID = 0;

    private final Account account;
    private final DeliveryTarget internalClient = DeliveryTarget.internal(INTERNAL_CLIENT_ID);
    private final Map<String, ClientSubscription> services = new HashMap<>();
    private volatile ClientSubscription responses;
    private long lastSid;

    ImportSubscriptions(Account account) {
        this.account = account;
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

    private ClientSubscription subscribe(String subject) {
        lastSid++;
        ClientSubscription subscription = ClientSubscription.ofImport(internalClient, account, subject,
                Long.toString(lastSid));
        account.sublist().insert(subscription);
        return subscription;
    }
}
