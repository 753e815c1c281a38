package io.natrium.application.security;

import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.LatencySettings;
import io.natrium.domain.account.AccountDefinition;
import io.natrium.domain.account.AccountGraph;
import io.natrium.domain.account.ExportAuthorization;
import io.natrium.domain.account.ResponseType;
import io.natrium.domain.account.ServiceExport;
import io.natrium.domain.account.ServiceImport;
import io.natrium.domain.account.ServiceLatency;
import io.natrium.domain.account.StreamExport;
import io.natrium.domain.account.StreamImport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The domain's import/export graph of the configured accounts, checked as nats-server checks it at load. */
public final class AccountGraphOfSettings {

    private AccountGraphOfSettings() {
    }

    /**
     * The checked graph.
     *
     * @throws io.natrium.domain.account.AccountGraphException with every problem, in nats-server's words
     */
    public static AccountGraph of(AccountsSettings settings) {
        List<AccountDefinition> definitions = new ArrayList<>();
        for (AccountSettings account : settings.accounts()) {
            definitions.add(definitionOf(account));
        }
        return definitions.isEmpty() ? AccountGraph.empty() : AccountGraph.build(definitions);
    }

    private static AccountDefinition definitionOf(AccountSettings account) {
        List<StreamExport> streamExports = new ArrayList<>();
        List<ServiceExport> serviceExports = new ArrayList<>();
        for (ExportSettings export : account.exports()) {
            ExportAuthorization authorization = authorizationOf(export);
            if (export.kind() == ExportKind.STREAM) {
                streamExports.add(new StreamExport(export.subject(), authorization));
            } else {
                serviceExports.add(new ServiceExport(export.subject(), authorization,
                        responseTypeOf(export.responseType()), export.responseThreshold(),
                        latencyOf(export.latency()), export.allowTrace()));
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

    private static ExportAuthorization authorizationOf(ExportSettings export) {
        Set<String> accounts = new HashSet<>(export.accounts());
        return new ExportAuthorization(accounts, export.accountTokenPosition());
    }

    private static ResponseType responseTypeOf(io.natrium.application.settings.ResponseType type) {
        return type == null ? ResponseType.SINGLETON : ResponseType.valueOf(type.name());
    }

    private static ServiceLatency latencyOf(LatencySettings latency) {
        return latency == null ? null : new ServiceLatency(latency.sampling(), latency.headers(), latency.subject());
    }
}
