package io.natrium.application.security;

import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.LatencySettings;
import io.natrium.domain.account.AccountDefinition;
import io.natrium.domain.account.AccountGraph;
import io.natrium.domain.account.AccountGraphException;
import io.natrium.domain.account.ExportAuthorization;
import io.natrium.domain.account.ResponseType;
import io.natrium.domain.account.ServiceExport;
import io.natrium.domain.account.ServiceImport;
import io.natrium.domain.account.ServiceLatency;
import io.natrium.domain.account.StreamExport;
import io.natrium.domain.account.StreamImport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The domain's {@link AccountGraph} of the configured accounts' {@code exports} and {@code imports}. The config
 * loader builds it once to report nats-server's load errors; the server builds it again from the same settings to
 * route messages across accounts. Settings that the config mapper already rejected never reach here.
 */
public final class AccountGraphOfSettings {

    private AccountGraphOfSettings() {
    }

    /**
     * The graph of the configured accounts, in file order.
     *
     * @throws AccountGraphException with every problem, in nats-server's words
     */
    public static AccountGraph of(AccountsSettings settings) {
        return AccountGraph.build(definitions(settings.accounts()));
    }

    /** The domain definitions of the accounts, one per account, with their entries in file order. */
    public static List<AccountDefinition> definitions(List<AccountSettings> accounts) {
        List<AccountDefinition> definitions = new ArrayList<>(accounts.size());
        for (AccountSettings account : accounts) {
            definitions.add(definition(account));
        }
        return definitions;
    }

    private static AccountDefinition definition(AccountSettings account) {
        List<StreamExport> streamExports = new ArrayList<>();
        List<ServiceExport> serviceExports = new ArrayList<>();
        for (ExportSettings export : account.exports()) {
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
        for (ImportSettings imported : account.imports()) {
            if (imported.kind() == ExportKind.STREAM) {
                streamImports.add(new StreamImport(imported.account(), imported.subject(), imported.prefix(),
                        imported.to()));
            } else {
                serviceImports.add(new ServiceImport(imported.account(), imported.subject(), imported.to(),
                        imported.share()));
            }
        }
        return new AccountDefinition(account.name(), streamExports, serviceExports, streamImports, serviceImports);
    }

    private static ResponseType responseType(io.natrium.application.settings.ResponseType type) {
        return switch (type) {
            case SINGLETON -> ResponseType.SINGLETON;
            case STREAM -> ResponseType.STREAM;
            case CHUNKED -> ResponseType.CHUNKED;
        };
    }

    private static ServiceLatency latency(LatencySettings latency) {
        return latency == null ? null : new ServiceLatency(latency.sampling(), latency.headers(), latency.subject());
    }
}
