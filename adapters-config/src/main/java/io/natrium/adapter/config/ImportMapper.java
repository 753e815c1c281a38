package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ImportSettings;
import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An account's {@code imports} list: {@code {stream: {account, subject}, prefix | to}} or
 * {@code {service: {account, subject}, to, share}}. A service may be imported to a local subject only once per
 * exporting account.
 */
final class ImportMapper {

    private static final String NON_STREAM = "Detected allow_trace directive on a non-stream";

    private static final KeyTable<Draft> IMPORT = KeyTable.<Draft>strict()
            .on((draft, entry, reader) -> source(draft, entry, reader, ExportKind.STREAM), "stream")
            .on((draft, entry, reader) -> source(draft, entry, reader, ExportKind.SERVICE), "service")
            .on((draft, entry, reader) -> reader.string(entry, prefix -> draft.prefix = prefix), "prefix")
            .on(ImportMapper::to, "to")
            .on((draft, entry, reader) -> reader.bool(entry, share -> draft.share = share), "share")
            .notYet(ImportMapper::allowTrace, "allow_trace");

    private static final KeyTable<Draft> SOURCE = KeyTable.<Draft>strict()
            .on((draft, entry, reader) -> reader.string(entry, account -> draft.account = account), "account")
            .on((draft, entry, reader) -> reader.string(entry, subject -> draft.subject = subject), "subject");

    private static final class Draft {
        ExportKind kind;
        String account = "";
        String subject = "";
        String prefix;
        String to;
        boolean share;
        boolean allowTrace;
        ConfigEntry allowTraceEntry;
    }

    private ImportMapper() {
    }

    /** The imports of an entry; entries that are neither a stream nor a service are left out, as in nats-server. */
    static List<ImportSettings> map(ConfigEntry entry, ConfigReader reader) {
        List<ImportSettings> imports = new ArrayList<>();
        if (!(entry.value() instanceof ConfigList list)) {
            reader.error(entry, "Imports should be an array, got " + ConfigReader.goType(entry.value()));
            return imports;
        }
        for (ConfigValue element : list.values()) {
            if (!(element instanceof ConfigMap block)) {
                reader.error(element.position(), "Import Items should be a map with type entry, got "
                        + ConfigReader.goType(element));
                continue;
            }
            Draft draft = new Draft();
            IMPORT.apply(block, draft, reader);
            if (draft.kind == null) {
                continue;
            }
            ImportSettings imported = new ImportSettings(draft.kind, draft.account, draft.subject, draft.prefix,
                    draft.to, draft.share, draft.allowTrace);
            ImportSettings duplicate = duplicateService(imports, imported);
            if (duplicate != null) {
                reader.error(element.position(), "Duplicate service import subject " + GoStrings.quote(local(imported))
                        + ", previously used in import for account " + GoStrings.quote(duplicate.account())
                        + ", subject " + GoStrings.quote(duplicate.subject()));
                continue;
            }
            imports.add(imported);
        }
        return imports;
    }

    private static ImportSettings duplicateService(List<ImportSettings> imports, ImportSettings imported) {
        if (imported.kind() != ExportKind.SERVICE) {
            return null;
        }
        for (ImportSettings other : imports) {
            if (other.kind() == ExportKind.SERVICE && local(other).equals(local(imported))
                    && Objects.equals(other.account(), imported.account())) {
                return other;
            }
        }
        return null;
    }

    private static String local(ImportSettings imported) {
        return imported.to() != null ? imported.to() : imported.subject();
    }

    private static void source(Draft draft, ConfigEntry entry, ConfigReader reader, ExportKind kind) {
        String name = kind == ExportKind.STREAM ? "stream" : "service";
        if (draft.kind != null && draft.kind != kind) {
            reader.error(entry, "Detected " + name + " but already saw a " + (kind == ExportKind.STREAM ? "service"
                    : "stream"));
            return;
        }
        if (kind == ExportKind.SERVICE && draft.allowTraceEntry != null) {
            reader.error(draft.allowTraceEntry, NON_STREAM);
            return;
        }
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, capitalized(name) + " entry should be an account map, got "
                    + ConfigReader.goType(entry.value()));
            return;
        }
        SOURCE.apply(block, draft, reader);
        if (draft.account.isEmpty() || draft.subject.isEmpty()) {
            reader.error(entry, "Expect an account name and a subject");
            return;
        }
        draft.kind = kind;
    }

    private static void to(Draft draft, ConfigEntry entry, ConfigReader reader) {
        reader.string(entry, to -> {
            draft.to = to;
            if (draft.kind == ExportKind.STREAM && draft.prefix != null) {
                reader.error(entry, "Stream import can not have a 'prefix' and a 'to' property");
            }
        });
    }

    private static void allowTrace(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (draft.kind == ExportKind.SERVICE) {
            reader.error(entry, NON_STREAM);
            return;
        }
        draft.allowTraceEntry = entry;
        reader.bool(entry, allow -> draft.allowTrace = allow);
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
