package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.adapter.config.syntax.ParseResult;
import io.natrium.application.settings.MqttOcspPeer;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;
import io.natrium.application.settings.TlsSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Loads the settings to run with, as nats-server does: the configuration file ({@code -c}) over the defaults, then
 * the command-line flags over the file, then zero values replaced by defaults, then the checks across options.
 * The same sequence serves a reload, which keeps command-line values winning.
 */
public final class ConfigurationLoader {

    static final String RELOAD_WITHOUT_FILE = "can only reload config when a file is provided using -c or --config";

    private final Function<Path, ParseResult> parser;
    private final TlsFilesCheck tlsFiles;

    /**
     * @param parser reads a configuration file (with its includes and variables) into a tree, e.g.
     *               {@code file -> ConfigParser.parseFile(file, System::getenv)}
     */
    public ConfigurationLoader(Function<Path, ParseResult> parser) {
        this(parser, TlsFilesCheck.NONE);
    }

    /**
     * @param parser   reads a configuration file into a tree
     * @param tlsFiles loads the files the client port's TLS names, failing the load as nats-server does
     */
    public ConfigurationLoader(Function<Path, ParseResult> parser, TlsFilesCheck tlsFiles) {
        this.parser = parser;
        this.tlsFiles = tlsFiles;
    }

    /** The settings for a parsed command line (with or without {@code -c}). */
    public LoadedConfiguration load(CommandLine.Parsed commandLine) {
        return load(commandLine, true);
    }

    /** @param starting the options are checked as nats-server checks them at start, not as a reload checks them */
    private LoadedConfiguration load(CommandLine.Parsed commandLine, boolean starting) {
        List<String> errors = new ArrayList<>();
        List<String> refusals = new ArrayList<>(commandLine.refusals());
        List<String> fileWarnings = new ArrayList<>();
        List<String> warnings = new ArrayList<>(commandLine.warnings());
        List<UnsupportedOption> unsupported = new ArrayList<>();
        ServerSettings fileSettings = ServerSettings.defaults();
        String tlsPosition = null;
        String websocketTlsPosition = null;
        String mqttTlsPosition = null;
        String file = commandLine.configFile();
        ConfigMap root = null;
        if (file != null) {
            ParseResult parsed = parser.apply(Path.of(file));
            if (parsed.hasErrors()) {
                parsed.errors().forEach(error -> errors.add(error.toString()));
                boolean unreadable = parsed.errors().get(0).position() == null;
                return new LoadedConfiguration(fileSettings, errors, fileWarnings, warnings, unsupported, List.of(),
                        unreadable);
            }
            root = parsed.root();
            if (parsed.root().entries().isEmpty()) {
                fileWarnings.add(file + ": config has no values or is empty");
            }
            ConfigEntry tlsEntry = tlsEntry(parsed.root());
            tlsPosition = tlsEntry == null ? null : tlsEntry.keyPosition().toString();
            ConfigEntry websocketTls = listenerTlsEntry(parsed.root(), "websocket", "ws");
            websocketTlsPosition = websocketTls == null ? null : websocketTls.keyPosition().toString();
            ConfigEntry mqttTls = listenerTlsEntry(parsed.root(), "mqtt");
            mqttTlsPosition = mqttTls == null ? null : mqttTls.keyPosition().toString();
            MappedSettings mapped = SettingsMapper.map(parsed.root());
            mapped.warnings().forEach(warning -> fileWarnings.add(warning.toString()));
            mapped.notices().forEach(notice -> warnings.add(notice.toString()));
            mapped.errors().forEach(error -> errors.add(error.toString()));
            mapped.refusals().forEach(refusal -> refusals.add(refusal.toString()));
            unsupported.addAll(mapped.unsupported());
            fileSettings = mapped.settings().toBuilder()
                    .origin(origin -> origin.withConfigFile(file, parsed.digest())).build();
        }
        ServerSettings settings = Baseline.apply(commandLine.flags().applyTo(fileSettings));
        if (starting && errors.isEmpty() && commandLine.solicitsRoutesWithoutListening()
                && !RouteSolicitation.fileListens(root)) {
            return new LoadedConfiguration(settings, List.of(RouteSolicitation.NO_CLUSTER), fileWarnings, warnings,
                    unsupported, List.of(), true);
        }
        errors.addAll(commandLine.refusals());
        if (checkTlsFiles(settings, commandLine.flags().settings().contains(Setting.TLS) ? null : tlsPosition,
                errors)) {
            checkOcsp(settings, errors, refusals);
            String ocspWarning = tlsFiles.ocspWarning(settings.tls(), settings.ocsp());
            if (ocspWarning != null) {
                warnings.add(ocspWarning);
            }
        }
        checkListenerTlsFiles(settings.websocket() == null ? null : settings.websocket().tls(),
                websocketTlsPosition, errors);
        // Checked with the ocsp_peer that will check its clients: the client port's, as nats-server plugs it.
        checkListenerTlsFiles(settings.mqtt() == null ? null
                : MqttOcspPeer.effective(settings.mqtt().tls(), settings.tls()), mqttTlsPosition, errors);
        unsupported.addAll(commandLine.unsupported());
        // Refusals are no reason to skip the checks across options: the offline checker goes on past them.
        if (refusals.containsAll(errors)) {
            SettingsValidator.validate(settings, errors, warnings);
        }
        return new LoadedConfiguration(settings, errors, fileWarnings, warnings, unsupported, refusals);
    }

    /** Loads the TLS files as the server will; a problem is an error at the {@code tls} key (bare for flags). */
    private boolean checkTlsFiles(ServerSettings settings, String position, List<String> errors) {
        if (settings.tls() == null) {
            return true;
        }
        String problem = tlsFiles.problem(settings.tls());
        if (problem != null) {
            errors.add(position == null ? problem : position + ": " + problem);
            return false;
        }
        return true;
    }

    /**
     * nats-server loads the {@code websocket { tls }} and {@code mqtt { tls }} files as it parses the block: an
     * error at that key.
     */
    private void checkListenerTlsFiles(TlsSettings tls, String position, List<String> errors) {
        if (tls == null) {
            return;
        }
        String problem = tlsFiles.problem(tls);
        if (problem != null) {
            errors.add(position == null ? problem : position + ": " + problem);
        }
    }

    /** nats-server decides OCSP stapling when it creates the server: its errors carry no position. */
    private void checkOcsp(ServerSettings settings, List<String> errors, List<String> refusals) {
        TlsFilesCheck.OcspProblem problem = tlsFiles.ocspProblem(settings.tls(), settings.ocsp());
        if (problem != null) {
            errors.add(problem.text());
            if (problem.refusal()) {
                refusals.add(problem.text());
            }
        }
    }

    /** The {@code tls} key of the last block of one of these names, as the mapper keeps the last. */
    private static ConfigEntry listenerTlsEntry(ConfigMap root, String... names) {
        ConfigEntry found = null;
        for (ConfigEntry entry : root.all()) {
            if (Arrays.stream(names).anyMatch(entry.key()::equalsIgnoreCase)
                    && entry.value() instanceof ConfigMap block) {
                found = tlsEntry(block);
            }
        }
        return found;
    }

    private static ConfigEntry tlsEntry(ConfigMap root) {
        ConfigEntry found = null;
        for (ConfigEntry entry : root.all()) {
            if (entry.key().equalsIgnoreCase("tls")) {
                found = entry;
            }
        }
        return found;
    }

    /**
     * Reads the configuration file again (on SIGHUP), applies the same command line over it, and compares the
     * result with the running settings.
     */
    public ReloadOutcome reload(ServerSettings running, CommandLine.Parsed commandLine) {
        if (commandLine.configFile() == null) {
            LoadedConfiguration failed = new LoadedConfiguration(running, List.of(RELOAD_WITHOUT_FILE), List.of(),
                    List.of(), List.of(), List.of());
            return new ReloadOutcome(failed, new SettingsDiff(List.of()));
        }
        LoadedConfiguration loaded = load(commandLine, false);
        SettingsDiff diff = loaded.hasErrors() ? new SettingsDiff(List.of())
                : SettingsDiff.between(running, loaded.settings());
        return new ReloadOutcome(loaded, diff);
    }
}
