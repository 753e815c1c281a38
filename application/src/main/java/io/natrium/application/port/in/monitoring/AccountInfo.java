package io.natrium.application.port.in.monitoring;

import io.natrium.domain.sublist.SublistStats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One account in detail (/accountz?acc=).
 *
 * @param updated  when the account was last registered or updated
 * @param mappings the account's subject mappings by source, each with its destinations as nats-server shows them
 * @param exports  what the account exports, services first
 * @param imports  what the account imports, streams first
 * @param jwt      what its account JWT says, {@link AccountJwtInfo#NONE} without one
 * @param responses the requests it serves for importers and has not answered yet, by their reply subject in this
 *                  account, each as the service import nats-server makes for its response
 */
public record AccountInfo(
        String name,
        Instant updated,
        boolean system,
        boolean expired,
        boolean complete,
        boolean jetStream,
        int leafConnections,
        int clientConnections,
        int subscriptions,
        Map<String, List<MappedDestination>> mappings,
        List<AccountExport> exports,
        List<AccountImport> imports,
        SublistStats sublist,
        AccountJwtInfo jwt,
        Map<String, AccountImport> responses) {

    public AccountInfo {
        mappings = Map.copyOf(mappings);
        exports = List.copyOf(exports);
        imports = List.copyOf(imports);
        jwt = jwt == null ? AccountJwtInfo.NONE : jwt;
        responses = Map.copyOf(responses);
    }

    /** An account with no request waiting for a response. */
    public AccountInfo(String name, Instant updated, boolean system, boolean expired, boolean complete,
            boolean jetStream, int leafConnections, int clientConnections, int subscriptions,
            Map<String, List<MappedDestination>> mappings, List<AccountExport> exports, List<AccountImport> imports,
            SublistStats sublist, AccountJwtInfo jwt) {
        this(name, updated, system, expired, complete, jetStream, leafConnections, clientConnections, subscriptions,
                mappings, exports, imports, sublist, jwt, Map.of());
    }

    /** An account of the configuration. */
    public AccountInfo(String name, Instant updated, boolean system, boolean expired, boolean complete,
            boolean jetStream, int leafConnections, int clientConnections, int subscriptions,
            Map<String, List<MappedDestination>> mappings, List<AccountExport> exports, List<AccountImport> imports,
            SublistStats sublist) {
        this(name, updated, system, expired, complete, jetStream, leafConnections, clientConnections, subscriptions,
                mappings, exports, imports, sublist, AccountJwtInfo.NONE, Map.of());
    }
}
