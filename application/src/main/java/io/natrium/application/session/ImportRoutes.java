package io.natrium.application.session;

import io.natrium.domain.account.ResolvedServiceImport;
import io.natrium.domain.account.ResolvedStreamImport;

import java.util.List;

/**
 * Where an account's traffic crosses into other accounts: the stream imports fed by what is published in it (it is
 * their exporter) and the service imports its requests go through (it is their importer). Rebuilt whole at every
 * configuration, so a publisher reads one consistent set.
 */
record ImportRoutes(List<StreamRoute> streams, List<ServiceRoute> services) {

    static final ImportRoutes NONE = new ImportRoutes(List.of(), List.of());

    /** A stream import this account feeds, with the account it feeds. */
    record StreamRoute(ResolvedStreamImport resolved, Account importer) {
    }

    /**
     * A service import of this account, with the account that serves it; {@code share} passes the requester's
     * details on to the service.
     */
    record ServiceRoute(ResolvedServiceImport resolved, Account exporter, boolean share) {

        long thresholdNanos() {
            return resolved.export().responseThreshold().toNanos();
        }
    }

    ImportRoutes {
        streams = List.copyOf(streams);
        services = List.copyOf(services);
    }

    boolean isEmpty() {
        return streams.isEmpty() && services.isEmpty();
    }
}
