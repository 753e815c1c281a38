package io.natrium.application.account;

import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.domain.sublist.Sublist;
import io.natrium.domain.transform.SubjectMappings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * An account: a name, its own subject space and its limits. Clients of different accounts never see each other's
 * messages unless an account exports and the other imports. The global account {@code $G} holds every client that
 * no configuration places elsewhere.
 */
public final class Account {

    public static final String GLOBAL = "$G";

    private final String name;
    private final Sublist<ClientSubscription> sublist;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile AccountLimitSettings limits;
    private volatile SubjectMappings mappings = SubjectMappings.none();
    private volatile ImportRoutes importRoutes = ImportRoutes.NONE;
    private volatile List<StreamImportSource> streamImports = List.of();
    private final ResponseRoutes responses = new ResponseRoutes();
    private final ImportSubscriptions importSubscriptions = new ImportSubscriptions(this);
    private final TrafficCounters traffic = new TrafficCounters();
    private final LongAdder slowConsumers = new LongAdder();

    public Account(String name, Sublist<ClientSubscription> sublist) {
        this(name, sublist, AccountLimitSettings.unlimited());
    }

    Account(String name, Sublist<ClientSubscription> sublist, AccountLimitSettings limits) {
        this.name = name;
        this.sublist = sublist;
        this.limits = limits;
    }

    public String name() {
        return name;
    }

    public Sublist<ClientSubscription> sublist() {
        return sublist;
    }

    public AccountLimitSettings limits() {
        return limits;
    }

    /** The clients connected to this account now. */
    public int connections() {
        return connections.get();
    }

    /** The subject mappings applied to what the account's clients publish. */
    public SubjectMappings mappings() {
        return mappings;
    }

    /** Where this account's traffic crosses into other accounts. */
    ImportRoutes importRoutes() {
        return importRoutes;
    }

    void applyImportRoutes(ImportRoutes value) {
        importRoutes = value;
    }

    /** The stream imports of this account, with their exporters. */
    List<StreamImportSource> streamImports() {
        return streamImports;
    }

    void applyStreamImports(List<StreamImportSource> value) {
        streamImports = List.copyOf(value);
    }

    /** The requests this account serves for importers and has not answered yet. */
    ResponseRoutes responses() {
        return responses;
    }

    /** The requests this account serves for importers and has not answered yet, by their reply subject here. */
    public Map<String, WaitingResponse> waitingResponses() {
        Map<String, WaitingResponse> waiting = new LinkedHashMap<>();
        responses.waiting(System.nanoTime()).forEach((mapped, route) -> {
            boolean tracked = route.tracking() != null;
            waiting.put(mapped, new WaitingResponse(route.importer().name(), route.reply(), route.share(), tracked,
                    tracked ? route.latency() : null, tracked ? route.tracking().header() : null));
        });
        return waiting;
    }

    /**
     * The id of the account's internal client (nats-server's {@code internalClient()}), which holds its imports'
     * subscriptions and serves the server's own work in the account; made and numbered now if it was not yet.
     */
    public long internalClientId() {
        return importSubscriptions.internalClientId();
    }

    /** The subscriptions of the account's internal client for its imports, as nats-server lists them. */
    ImportSubscriptions importSubscriptions() {
        return importSubscriptions;
    }

    void applyMappings(SubjectMappings value) {
        mappings = value;
    }

    /** A reload may change the limits; clients already in keep their place. */
    void applyLimits(AccountLimitSettings value) {
        limits = value;
    }

    /** Counts a client in, unless the account already has its maximum of connections. */
    public boolean join() {
        while (true) {
            int current = connections.get();
            int max = limits.maxConnections();
            if (max >= 0 && current >= max) {
                return false;
            }
            if (connections.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void leave() {
        connections.decrementAndGet();
    }

    /**
     * The account's traffic for /accstatz. As in nats-server, deliveries count for the account whose subjects
     * matched, the publisher's, however many subscribers received the message.
     */
    public TrafficCounters traffic() {
        return traffic;
    }

    public void slowConsumer() {
        slowConsumers.increment();
    }

    /** The account's clients closed as slow consumers. */
    public long slowConsumers() {
        return slowConsumers.sum();
    }

    @Override
    public String toString() {
        return name;
    }
}
