package io.natrium.domain.account;

import java.util.List;
import java.util.Objects;

/**
 * What one account exports and imports, as configured. Order matters only for which of two conflicting entries
 * nats-server would report, and for which of two overlapping exports answers first.
 *
 * @param name           the account name
 * @param streamExports  the streams it exports
 * @param serviceExports the services it exports
 * @param streamImports  the streams it imports
 * @param serviceImports the services it imports
 */
public record AccountDefinition(String name, List<StreamExport> streamExports, List<ServiceExport> serviceExports,
        List<StreamImport> streamImports, List<ServiceImport> serviceImports) {

    public AccountDefinition {
        Objects.requireNonNull(name, "name");
        streamExports = List.copyOf(streamExports);
        serviceExports = List.copyOf(serviceExports);
        streamImports = List.copyOf(streamImports);
        serviceImports = List.copyOf(serviceImports);
    }

    /** An account that neither exports nor imports anything. */
    public static AccountDefinition named(String name) {
        return new AccountDefinition(name, List.of(), List.of(), List.of(), List.of());
    }
}
