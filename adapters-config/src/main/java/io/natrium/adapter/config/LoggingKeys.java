package io.natrium.adapter.config;

import io.natrium.application.settings.LoggingSettings;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Top-level logging keys, onto {@link LoggingSettings}. {@code trace_verbose} and {@code trace_headers} imply trace. */
final class LoggingKeys {

    private LoggingKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on(flag((logging, on) -> logging.debug(on)), "debug")
                .on(flag((logging, on) -> logging.trace(on)), "trace")
                .on(flag((logging, on) -> logging.traceVerbose(on).trace(on)), "trace_verbose")
                .on(flag((logging, on) -> logging.traceHeaders(on).trace(on)), "trace_headers")
                .on(flag((logging, on) -> logging.logTime(on)), "logtime")
                .on(flag((logging, on) -> logging.logTimeUtc(on)), "logtime_utc")
                .on(flag((logging, on) -> logging.syslog(on)), "syslog")
                .on((draft, entry, reader) -> reader.string(entry,
                        value -> update(draft, logging -> logging.logFile(value))), "logfile", "log_file")
                .on((draft, entry, reader) -> reader.integer(entry,
                        value -> update(draft, logging -> logging.logSizeLimit(value))),
                        "logfile_size_limit", "log_size_limit")
                .on((draft, entry, reader) -> reader.goInt(entry,
                        value -> update(draft, logging -> logging.logMaxFiles(value))),
                        "logfile_max_num", "log_max_num")
                .on((draft, entry, reader) -> reader.string(entry,
                        value -> update(draft, logging -> logging.remoteSyslog(value))), "remote_syslog")
                .on((draft, entry, reader) -> reader.goInt(entry,
                        value -> update(draft, logging -> logging.maxTracedMsgLen(value))), "max_traced_msg_len");
    }

    private static KeyTable.Handler<FileDraft> flag(BiConsumer<LoggingSettings.Builder, Boolean> set) {
        return (draft, entry, reader) -> reader.bool(entry, on -> update(draft, logging -> set.accept(logging, on)));
    }

    private static void update(FileDraft draft, Consumer<LoggingSettings.Builder> change) {
        draft.settings.logging(logging -> {
            LoggingSettings.Builder builder = logging.toBuilder();
            change.accept(builder);
            return builder.build();
        });
    }
}
