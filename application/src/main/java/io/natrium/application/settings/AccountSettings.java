package io.natrium.application.settings;

import io.natrium.domain.account.AccountDefinition;
import io.natrium.domain.account.ExportAuthorization;
import io.natrium.domain.account.ServiceExport;
import io.natrium.domain.account.ServiceImport;
import io.natrium.domain.account.ServiceLatency;
import io.natrium.domain.account.StreamExport;
import io.natrium.domain.account.StreamImport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One account of the {@code accounts} block.
 *
 * @param name               the account name
 * @param nkey               the account's public nkey ({@code A...}); null for none
 * @param users              its users
 * @param exports            what it exports
 * @param imports            what it imports
 * @param defaultPermissions permissions of its users that have none of their own; null for none
 * @param mappings           its subject mappings
 * @param limits             its limits
 * @param messageTrace       message tracing; null for none
 */
public record AccountSettings(
        String name,
        String nkey,
        List<UserSettings> users,
        List<ExportSettings> exports,
        List<ImportSettings> imports,
        PermissionSettings defaultPermissions,
        List<MappingSettings> mappings,
        AccountLimitSettings limits,
        MessageTraceSettings messageTrace) {

    public AccountSettings {
        users = List.copyOf(users);
        exports = List.copyOf(exports);
        imports = List.copyOf(imports);
        mappings = List.copyOf(mappings);
    }

    /** An account with a name and nothing else, as {@code accounts: [a, b]} declares them. */
    public static AccountSettings named(String name) {
        return new AccountSettings(name, null, List.of(), List.of(), List.of(), null, List.of(),
                AccountLimitSettings.unlimited(), null);
    }

    /**
     * The account's exports and imports as the domain's {@link AccountDefinition}, entries in file order: what the
     * domain's {@code AccountGraph} checks and routes by. Here, with the settings, because the config loader checks
     * the graph while it reads the file (nats-server's load errors) and the server builds it again to route
     * messages: both must read the settings the same way.
     */
    public AccountDefinition definition() {
        List<StreamExport> streamExports = new ArrayList<>();
        List<ServiceExport> serviceExports = new ArrayList<>();
        for (ExportSettings export : exports) {
            ExportAuthorization authorization = new ExportAuthorization(new LinkedHashSet<>(export.accounts()),
                    export.accountTokenPosition());
            if (export.kind() == ExportKind.STREAM) {
                streamExports.add(new StreamExport(export.subject(), authorization));
            } else {
                serviceExports.add(new ServiceExport(export.subject(), authorization,
                        responseType(export.responseType()), export.responseThreshold(), latency(export.latency()),
                        export.allowTrace()));
            }
        }
        List<StreamImport> streamImports = new ArrayList<>();
        List<ServiceImport> serviceImports = new ArrayList<>();
        for (ImportSettings imported : imports) {
            if (imported.kind() == ExportKind.STREAM) {
                streamImports.add(new StreamImport(imported.account(), imported.subject(), imported.prefix(),
                        imported.to()));
            } else {
                serviceImports.add(new ServiceImport(imported.account(), imported.subject(), imported.to(),
                        imported.share()));
            }
        }
        return new AccountDefinition(name, streamExports, serviceExports, streamImports, serviceImports);
    }

    private static io.natrium.domain.account.ResponseType responseType(ResponseType type) {
        return switch (type) {
            case SINGLETON -> io.natrium.domain.account.ResponseType.SINGLETON;
            case STREAM -> io.natrium.domain.account.ResponseType.STREAM;
            case CHUNKED -> io.natrium.domain.account.ResponseType.CHUNKED;
        };
    }

    private static ServiceLatency latency(LatencySettings latency) {
        return latency == null ? null : new ServiceLatency(latency.sampling(), latency.headers(), latency.subject());
    }
}
