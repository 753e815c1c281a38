package io.natrium.application.security;

import io.natrium.application.settings.AccountLimitSettings;
import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.ImportSettings;
import io.natrium.application.settings.LatencySettings;
import io.natrium.application.settings.MappingDestination;
import io.natrium.application.settings.MappingSettings;
import io.natrium.application.settings.OperatorSettings;
import io.natrium.application.settings.ResponseType;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.ActivationClaims;
import io.natrium.domain.jwt.Export;
import io.natrium.domain.jwt.Import;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;
import io.natrium.domain.jwt.OperatorClaims;
import io.natrium.domain.jwt.WeightedMapping;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectFilter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accounts of operator mode with the memory resolver, as the server runs them: each preloaded account JWT
 * (verified, issued by a trusted key, valid at start) becomes an account named by its public key with its limits,
 * exports, imports and mappings, beside the configured accounts; the system account is the operator JWT's unless
 * the config names one. Derived at start and reload rather than kept in the settings, so a reload still compares
 * what the file said.
 */
public final class OperatorAccounts {

    private OperatorAccounts() {
    }

    /** The accounts of the settings with those of the preloaded account JWTs. */
    public static AccountsSettings of(ServerSettings settings, Instant now) {
        return of(settings, settings.operator().resolverPreload(), now);
    }

    /** The accounts of the settings with those of {@code accountJwts}, the resolver's account JWTs. */
    public static AccountsSettings of(ServerSettings settings, Map<String, String> accountJwts, Instant now) {
        AccountsSettings accounts = settings.accounts();
        OperatorSettings operator = settings.operator();
        if (!operator.enabled()) {
            return accounts;
        }
        if (accounts.systemAccount() == null || accounts.systemAccount().isEmpty()) {
            List<OperatorClaims> operators = OperatorTrust.operators(operator);
            if (operators.size() == 1 && !operators.get(0).systemAccount().isEmpty()) {
                accounts = accounts.withSystemAccount(operators.get(0).systemAccount());
            }
        }
        Map<String, AccountClaims> preloaded = preloaded(operator, accountJwts, now.getEpochSecond());
        List<AccountSettings> claimed = new ArrayList<>();
        for (AccountClaims account : preloaded.values()) {
            claimed.add(settingsOf(account, preloaded, now.getEpochSecond()));
        }
        List<AccountSettings> all = new ArrayList<>(accounts.accounts());
        all.addAll(claimed);
        AccountsSettings asClaimed = accounts.withAccounts(all);
        all = new ArrayList<>(accounts.accounts());
        for (AccountSettings account : claimed) {
            all.add(withAuthorizedImports(account, asClaimed));
        }
        return accounts.withAccounts(all);
    }

    /**
     * The account without the imports no export authorizes, which nats-server's {@code AddServiceImportWithClaim}
     * and {@code AddStreamImportWithClaim} refuse: it adds the rest and marks the account incomplete.
     */
    private static AccountSettings withAuthorizedImports(AccountSettings account, AccountsSettings all) {
        List<ImportSettings> authorized = account.imports().stream()
                .filter(imported -> added(imported, account.name(), all)).toList();
        if (authorized.size() == account.imports().size()) {
            return account;
        }
        return new AccountSettings(account.name(), account.nkey(), account.users(), account.exports(), authorized,
                account.defaultPermissions(), account.mappings(), account.limits(), account.messageTrace());
    }

    /** An export authorizes it, and a stream's prefix is literal, as it goes before every subject. */
    private static boolean added(ImportSettings imported, String importer, AccountsSettings all) {
        return all.exportFor(imported, importer) != null
                && (imported.prefix() == null || Subject.isLiteral(imported.prefix()));
    }

    /**
     * nats-server's {@code complete} for an account made from {@code accountJwt}: every import it lists is from an
     * account in force and authorized there.
     */
    public static boolean importsComplete(String accountJwt, AccountsSettings inForce) {
        try {
            AccountClaims account = JwtDecoder.decodeAccount(accountJwt);
            String key = account.data().subject();
            return account.imports().stream().allMatch(imported -> added(importOf(imported), key, inForce));
        } catch (JwtException invalid) {
            return true;
        }
    }

    /** The resolver's accounts a client could join now: decoded, under their own key, trusted and valid. */
    private static Map<String, AccountClaims> preloaded(OperatorSettings operator, Map<String, String> accountJwts,
            long now) {
        Set<String> trusted = OperatorTrust.trustedKeys(operator);
        Map<String, AccountClaims> accounts = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : accountJwts.entrySet()) {
            try {
                AccountClaims account = JwtDecoder.decodeAccount(entry.getValue());
                account.validate(now);
                if (account.data().subject().equals(entry.getKey()) && trusted.contains(account.data().issuer())) {
                    accounts.put(entry.getKey(), account);
                }
            } catch (JwtException invalid) {
                // nats-server warns of it at start and refuses its clients; so do the account lookups here.
            }
        }
        return accounts;
    }

    private static AccountSettings settingsOf(AccountClaims account, Map<String, AccountClaims> all, long now) {
        String key = account.data().subject();
        List<ExportSettings> exports = new ArrayList<>();
        for (Export export : account.exports()) {
            exports.add(exportOf(account, export, all, now));
        }
        List<ImportSettings> imports = new ArrayList<>();
        for (Import imported : account.imports()) {
            // An import from an account the resolver does not hold has nothing to import (nats-server skips it).
            if (all.containsKey(imported.account()) && !imported.account().equals(key)) {
                imports.add(importOf(imported));
            }
        }
        List<MappingSettings> mappings = new ArrayList<>();
        for (Map.Entry<String, List<WeightedMapping>> mapping : account.mappings().entrySet()) {
            List<MappingDestination> destinations = new ArrayList<>();
            for (WeightedMapping destination : mapping.getValue()) {
                destinations.add(new MappingDestination(destination.subject(), destination.effectiveWeight(),
                        destination.cluster()));
            }
            mappings.add(new MappingSettings(mapping.getKey(), destinations));
        }
        var limits = account.limits();
        // Go keeps these limits in an int32.
        AccountLimitSettings accountLimits = new AccountLimitSettings((int) limits.connections(),
                (int) limits.subscriptions(), (int) limits.payload(), (int) limits.leafConnections());
        return new AccountSettings(key, key, List.of(), exports, imports, null, mappings, accountLimits, null);
    }

    /**
     * An export; one that requires an activation token is open to the accounts whose import carries a valid one,
     * and to no other (the exporter alone, should none).
     */
    private static ExportSettings exportOf(AccountClaims exporter, Export export, Map<String, AccountClaims> all,
            long now) {
        List<String> approved = new ArrayList<>();
        if (export.tokenRequired()) {
            for (AccountClaims importer : all.values()) {
                for (Import imported : importer.imports()) {
                    if (imported.account().equals(exporter.data().subject())
                            && imported.subject().equals(export.subject())
                            && activates(imported.token(), exporter, importer, export, now)) {
                        approved.add(importer.data().subject());
                    }
                }
            }
            if (approved.isEmpty()) {
                approved.add(exporter.data().subject());
            }
        }
        ExportKind kind = export.isService() ? ExportKind.SERVICE : ExportKind.STREAM;
        LatencySettings latency = null;
        // nats-server tracks latency of singleton services only; for others it logs at debug and goes on without.
        if (export.latencyResults() != null && !export.latencyResults().isEmpty()
                && responseType(export.responseType()) == ResponseType.SINGLETON) {
            boolean headers = "headers".equals(export.latencySampling());
            latency = new LatencySettings(headers ? 0 : Integer.parseInt(export.latencySampling()), headers,
                    export.latencyResults());
        }
        return new ExportSettings(kind, export.subject(), approved, responseType(export.responseType()),
                export.responseThreshold(), latency, (int) export.accountTokenPosition(), false);
    }

    /** nats-server's activation check: the token names the importer, comes from the exporter, and covers it. */
    private static boolean activates(String token, AccountClaims exporter, AccountClaims importer, Export export,
            long now) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        try {
            ActivationClaims activation = JwtDecoder.decodeActivation(token);
            activation.validate(now);
            return activation.data().subject().equals(importer.data().subject())
                    && activation.exporter().equals(exporter.data().subject())
                    && exporter.signedBy(activation.data().issuer())
                    && !export.revocations().isRevoked(importer.data().subject(), activation.data().issuedAt())
                    && SubjectFilter.isValid(activation.importSubject())
                    && SubjectFilter.isSubset(export.subject(), activation.importSubject());
        } catch (JwtException invalid) {
            return false;
        }
    }

    /**
     * As nats-server's {@code UpdateAccountClaimsWithRefresh} reads an import: {@code local_subject} is where it
     * lands; without it the deprecated {@code to} keeps its pre-2.2 sense, a stream's prefix and a service's subject
     * in the exporting account (the import's own {@code subject} then being the local one), so such a service import
     * names an export only when {@code to} is one.
     */
    private static ImportSettings importOf(Import imported) {
        ExportKind kind = imported.isService() ? ExportKind.SERVICE : ExportKind.STREAM;
        if (!imported.localSubject().isEmpty() || imported.to().isEmpty()) {
            String local = imported.localSubject().isEmpty() ? null : imported.localSubject();
            return new ImportSettings(kind, imported.account(), imported.subject(), null, local, imported.share(),
                    false);
        }
        if (kind == ExportKind.STREAM) {
            return new ImportSettings(kind, imported.account(), imported.subject(), imported.to(), null,
                    imported.share(), false);
        }
        return new ImportSettings(kind, imported.account(), imported.to(), null, imported.subject(), imported.share(),
                false);
    }

    private static ResponseType responseType(String type) {
        return switch (type) {
            case "Stream" -> ResponseType.STREAM;
            case "Chunked" -> ResponseType.CHUNKED;
            default -> ResponseType.SINGLETON;
        };
    }
}
