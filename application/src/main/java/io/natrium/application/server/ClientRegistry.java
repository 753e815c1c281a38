package io.natrium.application.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Every open client connection by id, and the source of ids (1, 2, 3, ... as nats-server hands them out). */
public final class ClientRegistry {

    /**
     * The ids a server started without a configuration file gives its internal clients before its first client (the
     * system client, the global account's, the system send queue's; nats-server 2.9.10 numbers them alike): a client
     * greeted before the wiring exists is numbered after them. {@code ClientRegistryTest} checks it against a server
     * made from the default settings.
     */
    public static final long INTERNAL_CLIENTS_OF_DEFAULTS = 3;

    private final AtomicLong lastId = new AtomicLong();
    private final ConcurrentHashMap<Long, RegisteredClient> clients = new ConcurrentHashMap<>();
    /** The clients admitted and not yet removed: what {@link #addWithin} counts against the limit, exactly. */
    private final AtomicInteger admitted = new AtomicInteger();

    public long nextId() {
        return lastId.incrementAndGet();
    }

    /**
     * Takes {@code id}, handed out before this registry existed (to a client greeted while the server was starting):
     * the ids handed out from now on come after it. Should the server have handed out that id already (its
     * configuration made more internal clients than the greeting counted on), the client gets the next id instead,
     * and is told so by a second INFO.
     */
    public long claim(long id) {
        long last;
        do {
            last = lastId.get();
            if (id <= last) {
                return nextId();
            }
        } while (!lastId.compareAndSet(last, id));
        return id;
    }

    /**
     * Adds {@code client} if fewer than {@code limit} clients are registered (no limit when it is 0), and says
     * whether it did. Atomic, as nats-server's check under its server lock: clients judged at the same moment on
     * different threads cannot both take the last place.
     */
    public boolean addWithin(RegisteredClient client, int limit) {
        if (limit > 0) {
            int count;
            do {
                count = admitted.get();
                if (count >= limit) {
                    return false;
                }
            } while (!admitted.compareAndSet(count, count + 1));
        } else {
            admitted.incrementAndGet();
        }
        clients.put(client.id(), client);
        return true;
    }

    /** Whether {@code limit} clients (or more) are registered; never when {@code limit} is 0, no limit. */
    public boolean full(int limit) {
        return limit > 0 && admitted.get() >= limit;
    }

    public void remove(RegisteredClient client) {
        if (clients.remove(client.id(), client)) {
            admitted.decrementAndGet();
        }
    }

    /** The open connection with this id, or null. */
    public RegisteredClient get(long id) {
        return clients.get(id);
    }

    public int size() {
        return clients.size();
    }

    /** A snapshot of the open connections. */
    public List<RegisteredClient> snapshot() {
        return new ArrayList<>(clients.values());
    }
}
