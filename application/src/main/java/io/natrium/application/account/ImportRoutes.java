package io.natrium.application.account;

import io.natrium.domain.account.ResolvedServiceImport;
import io.natrium.domain.account.ResolvedStreamImport;
import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.sublist.Sublist;
import io.natrium.domain.sublist.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Where an account's traffic crosses into other accounts: the stream imports fed by what is published in it (it is
 * their exporter) and the service imports its requests go through (it is their importer). Each kind is indexed in a
 * sublist of its own, so that a publish finds its routes as it finds its subscribers, without allocating. Rebuilt
 * whole at every configuration, so a publisher reads one consistent set.
 */
final class ImportRoutes {

    static final ImportRoutes NONE = new ImportRoutes(null, null, null);

    /**
     * A stream import this account feeds, with the account it feeds, indexed by the exporter's filter; {@code source}
     * is the import as its importer's subscriptions' shadows know it.
     */
    record StreamRoute(ResolvedStreamImport resolved, Account importer, StreamImportSource source)
            implements Subscription {

        @Override
        public String subject() {
            return resolved.exporterFilter();
        }

        @Override
        public String queue() {
            return null;
        }
    }

    /**
     * A service import of this account, with the account that serves it, indexed by the local subject; {@code share}
     * passes the requester's details on to the service; {@code subscription} is the import's subscription in this
     * account, which counts the requests that took it.
     */
    record ServiceRoute(ResolvedServiceImport resolved, Account exporter, boolean share,
            ClientSubscription subscription) implements Subscription {

        @Override
        public String subject() {
            return resolved.localFilter();
        }

        @Override
        public String queue() {
            return null;
        }

        long thresholdNanos() {
            return resolved.export().responseThreshold().toNanos();
        }
    }

    private final Sublist<StreamRoute> streams;
    private final Sublist<ServiceRoute> services;
    private final FirstTokens firstTokens;

    private ImportRoutes(Sublist<StreamRoute> streams, Sublist<ServiceRoute> services, FirstTokens firstTokens) {
        this.streams = streams;
        this.services = services;
        this.firstTokens = firstTokens;
    }

    static ImportRoutes of(List<StreamRoute> streams, List<ServiceRoute> services, Executor cacheSweeper) {
        if (streams.isEmpty() && services.isEmpty()) {
            return NONE;
        }
        Sublist<StreamRoute> streamIndex = new Sublist<>(true, cacheSweeper);
        streams.forEach(streamIndex::insert);
        Sublist<ServiceRoute> serviceIndex = new Sublist<>(true, cacheSweeper);
        services.forEach(serviceIndex::insert);
        List<String> filters = new ArrayList<>();
        streams.forEach(route -> filters.add(route.subject()));
        services.forEach(route -> filters.add(route.subject()));
        return new ImportRoutes(streamIndex, serviceIndex, FirstTokens.of(filters));
    }

    boolean isEmpty() {
        return streams == null;
    }

    /** False when {@code subject} takes no route: neither sublist need be looked at. */
    boolean mayRoute(SubjectView subject) {
        return firstTokens.mayMatch(subject);
    }

    /** The stream routes a subject published in this account takes. */
    Sublist<StreamRoute> streams() {
        return streams;
    }

    /** The service imports a subject published in this account goes through. */
    Sublist<ServiceRoute> services() {
        return services;
    }
}
