package io.natrium.domain.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Short ways to write account definitions in tests. */
final class Accounts {

    private Accounts() {
    }

    /** An account with the given exports and imports, in any order. */
    static AccountDefinition account(String name, Object... entries) {
        List<StreamExport> streamExports = new ArrayList<>();
        List<ServiceExport> serviceExports = new ArrayList<>();
        List<StreamImport> streamImports = new ArrayList<>();
        List<ServiceImport> serviceImports = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof StreamExport export) {
                streamExports.add(export);
            } else if (entry instanceof ServiceExport export) {
                serviceExports.add(export);
            } else if (entry instanceof StreamImport imported) {
                streamImports.add(imported);
            } else if (entry instanceof ServiceImport imported) {
                serviceImports.add(imported);
            } else {
                throw new IllegalArgumentException("not an export or import: " + entry);
            }
        }
        return new AccountDefinition(name, streamExports, serviceExports, streamImports, serviceImports);
    }

    static StreamExport stream(String subject, String... accounts) {
        return new StreamExport(subject, ExportAuthorization.forAccounts(List.of(accounts)));
    }

    static StreamExport streamByToken(String subject, int position) {
        return new StreamExport(subject, ExportAuthorization.byTokenPosition(position));
    }

    static ServiceExport service(String subject, String... accounts) {
        return new ServiceExport(subject, ExportAuthorization.forAccounts(List.of(accounts)), ResponseType.SINGLETON,
                null, null, false);
    }

    static ServiceExport serviceByToken(String subject, int position) {
        return new ServiceExport(subject, ExportAuthorization.byTokenPosition(position), ResponseType.SINGLETON,
                null, null, false);
    }

    static ServiceExport service(String subject, ResponseType type, ServiceLatency latency) {
        return new ServiceExport(subject, new ExportAuthorization(Set.of(), 0), type, Duration.ZERO, latency, false);
    }

    static StreamImport importStream(String account, String subject) {
        return new StreamImport(account, subject, null, null);
    }

    static StreamImport importStream(String account, String subject, String prefix, String to) {
        return new StreamImport(account, subject, prefix, to);
    }

    static ServiceImport importService(String account, String subject) {
        return new ServiceImport(account, subject, null, false);
    }

    static ServiceImport importService(String account, String subject, String to) {
        return new ServiceImport(account, subject, to, false);
    }
}
