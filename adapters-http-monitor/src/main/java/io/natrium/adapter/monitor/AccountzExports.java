package io.natrium.adapter.monitor;

import io.natrium.application.port.in.monitoring.AccountExport;
import io.natrium.application.port.in.monitoring.AccountImport;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.LatencySettings;
import io.natrium.application.settings.ResponseType;

import java.util.List;
import java.util.Map;

/**
 * Exports and imports in /accountz as nats-server writes them: its {@code ExtExport} and {@code ExtImport} embed the
 * JWT library's {@code Export} and {@code Import}, so the keys and their order are those of the JWT claims, with
 * that library's names for types ({@code stream}, {@code service}) and response types ({@code Singleton},
 * {@code Streamed}, {@code Chunked}).
 */
final class AccountzExports {

    /** The JWT library's {@code Service} export type as a number. */
    private static final int GO_SERVICE_TYPE = 2;

    private AccountzExports() {
    }

    /** {@code ExtExport}: the JWT {@code Export} fields nats-server fills in, then the approved accounts. */
    record ExtExport(
            String subject,
            String type,
            @OmitEmpty String responseType,
            @OmitEmpty ServiceLatency serviceLatency,
            @OmitEmpty List<String> approvedAccounts) {
    }

    /**
     * {@code ExtImport}: the JWT {@code Import} fields, then its own; its {@code share} hides the JWT one, which is
     * why it is always written and comes after {@code invalid}. The type is the library's name, or its number where
     * Go cannot reach the name's marshaler (below).
     */
    record ExtImport(
            String subject,
            String account,
            @OmitEmpty String to,
            @OmitEmpty String localSubject,
            Object type,
            boolean invalid,
            boolean share,
            boolean tracking,
            @OmitEmpty Map<String, List<String>> trackingHeader,
            @OmitEmpty ServiceLatency latency) {
    }

    /** The JWT {@code ServiceLatency}: a sampling percentage, or {@code "headers"}, and the results subject. */
    record ServiceLatency(Object sampling, String results) {

        static ServiceLatency of(LatencySettings latency) {
            if (latency == null) {
                return null;
            }
            return new ServiceLatency(latency.headers() ? "headers" : latency.sampling(), latency.subject());
        }
    }

    static ExtExport export(AccountExport export) {
        return new ExtExport(export.subject(), type(export.kind()), responseType(export.responseType()),
                ServiceLatency.of(export.latency()), export.approvedAccounts());
    }

    static ExtImport imported(AccountImport imported) {
        return new ExtImport(imported.subject(), imported.account(), imported.to(), imported.localSubject(),
                type(imported.kind()), imported.invalid(), imported.share(), imported.tracking(),
                imported.trackingHeader(), ServiceLatency.of(imported.latency()));
    }

    /**
     * A response service import: nats-server keeps them as map values, which Go cannot address, so the library's
     * {@code ExportType} marshaler (on the pointer) is skipped and the type is written as its number, 2.
     */
    static ExtImport response(AccountImport response) {
        ExtImport imported = imported(response);
        return new ExtImport(imported.subject(), imported.account(), imported.to(), imported.localSubject(),
                GO_SERVICE_TYPE, imported.invalid(), imported.share(), imported.tracking(), imported.trackingHeader(),
                imported.latency());
    }

    private static String type(ExportKind kind) {
        return kind == ExportKind.SERVICE ? "service" : "stream";
    }

    private static String responseType(ResponseType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case SINGLETON -> "Singleton";
            case STREAM -> "Streamed";
            case CHUNKED -> "Chunked";
        };
    }
}
