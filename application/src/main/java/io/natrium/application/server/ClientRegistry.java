package io.natrium.application.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every open client connection by id, and the source of ids (1, 2, 3, ... as nats-server hands them out). */
public final class ClientRegistry {

    private final AtomicLong lastId = new AtomicLong();
    private final ConcurrentHashMap<Long, RegisteredClient> clients = new ConcurrentHashMap<>();

    public long nextId() {
        return lastId.incrementAndGet();
    }

    public void add(RegisteredClient client) {
        clients.put(client.id(), client);
    }

    public void remove(RegisteredClient client) {
        clients.remove(client.id(), client);
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
