package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.application.settings.MonitoringSettings;

import java.util.function.BiFunction;

/** Top-level keys of monitoring, profiling and process files: {@code http_port}, {@code pidfile}, ... */
final class MonitoringKeys {

    private MonitoringKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on(listen(MonitoringSettings::withHttpPort), "http")
                .on(listen(MonitoringSettings::withHttpsPort), "https")
                .on((draft, entry, reader) -> reader.goInt(entry,
                        port -> draft.settings.monitoring(monitoring -> monitoring.withHttpPort(port))),
                        "http_port", "monitor_port")
                .on((draft, entry, reader) -> reader.goInt(entry,
                        port -> draft.settings.monitoring(monitoring -> monitoring.withHttpsPort(port))),
                        "https_port")
                .on((draft, entry, reader) -> reader.string(entry,
                        path -> draft.settings.monitoring(monitoring -> monitoring.withBasePath(path))),
                        "http_base_path")
                .notYet((draft, entry, reader) -> reader.goInt(entry,
                        port -> draft.settings.profiling(profiling -> profiling.withPort(port))), "prof_port")
                .notYet((draft, entry, reader) -> reader.goInt(entry,
                        rate -> draft.settings.profiling(profiling -> profiling.withBlockRate(rate))),
                        "prof_block_rate")
                .on((draft, entry, reader) -> reader.string(entry,
                        file -> draft.settings.processFiles(files -> files.withPidFile(file))), "pidfile", "pid_file")
                .on((draft, entry, reader) -> reader.string(entry,
                        dir -> draft.settings.processFiles(files -> files.withPortsFileDir(dir))), "ports_file_dir")
                // nats-server's JetStream directory; Natrium keeps its MQTT state there (see MqttStore).
                .on((draft, entry, reader) -> reader.string(entry,
                        dir -> draft.settings.processFiles(files -> files.withStoreDir(dir))), "store_dir", "storedir");
    }

    /** {@code http: "host:port"} sets the monitoring host and the HTTP (or HTTPS) port. */
    private static KeyTable.Handler<FileDraft> listen(
            BiFunction<MonitoringSettings, Integer, MonitoringSettings> withPort) {
        return (FileDraft draft, ConfigEntry entry, ConfigReader reader) -> {
            HostPort listen = HostPort.of(entry, reader);
            if (listen != null) {
                draft.settings.monitoring(monitoring -> withPort.apply(
                        monitoring.withHost(listen.hasHost() ? listen.host() : null), listen.port()));
            }
        };
    }
}
