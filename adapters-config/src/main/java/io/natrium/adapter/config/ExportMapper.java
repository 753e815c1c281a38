package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigList;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.adapter.config.syntax.ConfigValue;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.ExportSettings;
import io.natrium.application.settings.LatencySettings;
import io.natrium.application.settings.ResponseType;
import io.natrium.domain.text.GoDurations;
import io.natrium.domain.text.GoStrings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An account's {@code exports} list: {@code {stream: subj}} or {@code {service: subj}}, with {@code accounts},
 * and for services {@code response_type}, {@code response_threshold}, {@code latency} and {@code allow_trace}.
 * Directives that only services take are errors on a stream, in the order nats-server meets them.
 */
final class ExportMapper {

    private static final String NON_SERVICE = "Detected %s directive on non-service";

    private static final KeyTable<Draft> EXPORT = KeyTable.<Draft>strict()
            .on(ExportMapper::stream, "stream")
            .on(ExportMapper::service, "service")
            .on(ExportMapper::responseType, "response", "response_type")
            .on(ExportMapper::threshold, "threshold", "response_threshold", "response_max_time", "response_time")
            .on((draft, entry, reader) -> {
                ConfigList list = reader.list(entry);
                if (list != null) {
                    draft.accounts = reader.strings(list);
                }
            }, "accounts")
            .on(ExportMapper::latency, "latency")
            .on(ExportMapper::tokenPosition, "account_token_position")
            .notYet(ExportMapper::allowTrace, "allow_trace");

    private static final class Draft {
        ExportKind kind;
        String subject;
        List<String> accounts = List.of();
        ResponseType responseType = ResponseType.SINGLETON;
        ConfigEntry responseEntry;
        Duration threshold = Duration.ZERO;
        boolean thresholdSeen;
        LatencySettings latency;
        ConfigEntry latencyEntry;
        int tokenPosition;
        /** A negative position as written: nats-server takes it as a huge unsigned one, and fails on it. */
        Long negativeTokenPosition;
        ConfigEntry tokenPositionEntry;
        boolean allowTrace;
        ConfigEntry allowTraceEntry;

        boolean isStream() {
            return kind == ExportKind.STREAM;
        }
    }

    private ExportMapper() {
    }

    /** The exports of an entry; entries that are neither a stream nor a service are left out, as in nats-server. */
    static List<ExportSettings> map(ConfigEntry entry, ConfigReader reader) {
        List<ExportSettings> exports = new ArrayList<>();
        if (!(entry.value() instanceof ConfigList list)) {
            reader.error(entry, "Exports should be an array, got " + ConfigReader.goType(entry.value()));
            return exports;
        }
        for (ConfigValue element : list.values()) {
            if (!(element instanceof ConfigMap block)) {
                reader.error(element.position(), "Export Items should be a map with type entry, got "
                        + ConfigReader.goType(element));
                continue;
            }
            Draft draft = new Draft();
            EXPORT.apply(block, draft, reader);
            if (draft.kind != null && draft.negativeTokenPosition != null) {
                // Go indexes the subject's tokens with uint(position)-1 and turns the panic into this error.
                reader.error(draft.tokenPositionEntry, "runtime error: index out of range ["
                        + Long.toUnsignedString(draft.negativeTokenPosition - 1) + "] with length "
                        + draft.subject.split("\\.", -1).length);
            } else if (draft.kind != null) {
                exports.add(new ExportSettings(draft.kind, draft.subject, draft.accounts, draft.responseType,
                        draft.threshold, draft.latency, draft.tokenPosition, draft.allowTrace));
            }
        }
        return exports;
    }

    /** Go's {@code uint(v.(int64))}; a position beyond every subject's tokens is as bad as the largest int. */
    private static void tokenPosition(Draft draft, ConfigEntry entry, ConfigReader reader) {
        reader.integer(entry, position -> {
            draft.tokenPositionEntry = entry;
            if (position < 0) {
                draft.negativeTokenPosition = position;
            } else {
                draft.negativeTokenPosition = null;
                draft.tokenPosition = (int) Math.min(position, Integer.MAX_VALUE);
            }
        });
    }

    private static void stream(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (draft.kind == ExportKind.SERVICE) {
            reader.error(entry, "Detected stream " + quoted(entry.value()) + " but already saw a service");
            return;
        }
        for (ConfigEntry directive : new ConfigEntry[] {draft.responseEntry, draft.latencyEntry,
                draft.allowTraceEntry}) {
            if (directive != null) {
                reader.error(directive, String.format(NON_SERVICE, directiveName(directive, draft)));
                return;
            }
        }
        kind(draft, entry, reader, ExportKind.STREAM, "stream");
    }

    private static void service(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (draft.isStream()) {
            reader.error(entry, "Detected service " + quoted(entry.value()) + " but already saw a stream");
            return;
        }
        kind(draft, entry, reader, ExportKind.SERVICE, "service");
    }

    private static void kind(Draft draft, ConfigEntry entry, ConfigReader reader, ExportKind kind, String name) {
        if (entry.value() instanceof ConfigString subject) {
            draft.kind = kind;
            draft.subject = subject.value();
        } else {
            reader.error(entry, "Expected " + name + " name to be string, got " + ConfigReader.goType(entry.value()));
        }
    }

    private static String directiveName(ConfigEntry directive, Draft draft) {
        if (directive == draft.latencyEntry) {
            return "latency";
        }
        return directive == draft.allowTraceEntry ? "allow_trace" : "response";
    }

    private static void responseType(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (draft.responseEntry != null) {
            reader.error(entry, "Duplicate response type definition");
            return;
        }
        draft.responseEntry = entry;
        if (!(entry.value() instanceof ConfigString text)) {
            reader.error(entry, "Expected response type to be string, got " + ConfigReader.goType(entry.value()));
            return;
        }
        ResponseType type = switch (text.value().toLowerCase(Locale.ROOT)) {
            case "single", "singleton" -> ResponseType.SINGLETON;
            case "stream" -> ResponseType.STREAM;
            case "chunk", "chunked" -> ResponseType.CHUNKED;
            default -> null;
        };
        if (type == null) {
            reader.error(entry, "Unknown response type: " + GoStrings.quote(text.value()));
            return;
        }
        draft.responseType = type;
        if (draft.isStream()) {
            reader.error(entry, String.format(NON_SERVICE, "response"));
        }
    }

    private static void threshold(Draft draft, ConfigEntry entry, ConfigReader reader) {
        if (draft.thresholdSeen) {
            reader.error(entry, "Duplicate response threshold detected");
            return;
        }
        draft.thresholdSeen = true;
        if (!(entry.value() instanceof ConfigString text)) {
            reader.error(entry, "Expected response threshold to be a parseable time duration, got "
                    + ConfigReader.goType(entry.value()));
            return;
        }
        try {
            draft.threshold = GoDurations.parse(text.value());
        } catch (IllegalArgumentException e) {
            reader.error(entry, "Expected response threshold to be a parseable time duration, got "
                    + GoStrings.quote(text.value()));
            return;
        }
        if (draft.isStream()) {
            reader.error(entry, String.format(NON_SERVICE, "response"));
        }
    }

    private static void latency(Draft draft, ConfigEntry entry, ConfigReader reader) {
        draft.latencyEntry = entry;
        LatencySettings latency = LatencyMapper.map(entry, reader);
        if (latency == null) {
            return;
        }
        if (draft.isStream()) {
            reader.error(entry, String.format(NON_SERVICE, "latency"));
            return;
        }
        draft.latency = latency;
    }

    private static void allowTrace(Draft draft, ConfigEntry entry, ConfigReader reader) {
        draft.allowTraceEntry = entry;
        reader.bool(entry, allow -> {
            if (draft.isStream()) {
                reader.error(entry, String.format(NON_SERVICE, "allow_trace"));
            } else {
                draft.allowTrace = allow;
            }
        });
    }

    private static String quoted(ConfigValue value) {
        return value instanceof ConfigString text ? GoStrings.quote(text.value()) : GoValue.of(value);
    }
}
