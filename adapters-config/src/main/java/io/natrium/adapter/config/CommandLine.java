package io.natrium.adapter.config;

import io.natrium.application.settings.LoggingSettings;
import io.natrium.application.settings.ServerSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * nats-server's command line. The flags the core server acts on are mapped onto {@link ServerSettings}; flags of
 * features outside Natrium's scope (clustering, JetStream) are accepted with a warning so that tools which pass them
 * still start the server.
 */
public final class CommandLine {

    /** What the command line asks for. */
    public enum Action { RUN, HELP, VERSION }

    /**
     * The outcome of parsing.
     *
     * @param action   run the server, or print help or the version
     * @param settings the settings to run with
     * @param warnings things accepted but not acted on, to log at start
     */
    public record Parsed(Action action, ServerSettings settings, List<String> warnings) {
    }

    private final ServerSettings.Builder settings = ServerSettings.builder();
    private final List<String> warnings = new ArrayList<>();
    private boolean debug;
    private boolean trace;
    private boolean traceVerbose;
    private boolean logTime = true;
    private boolean version;

    private CommandLine() {
    }

    /**
     * Parses nats-server's flags.
     *
     * @throws CommandLineException with Go's message for a flag it cannot use, or {@code isHelp()} for -h
     */
    public static Parsed parse(String... args) throws CommandLineException {
        return new CommandLine().run(args);
    }

    private Parsed run(String[] args) throws CommandLineException {
        GoFlagParser parser = new GoFlagParser();
        parser.value(value -> settings.port(GoFlagParser.parseInt(value)), "p", "port");
        parser.value(settings::host, "a", "addr", "net");
        parser.value(settings::serverName, "n", "name", "server_name");
        parser.bool(value -> debug = Boolean.parseBoolean(value), "D", "debug");
        parser.bool(value -> trace = Boolean.parseBoolean(value), "V", "trace");
        parser.bool(value -> {
            trace = Boolean.parseBoolean(value);
            traceVerbose = trace;
        }, "VV");
        parser.bool(value -> {
            debug = Boolean.parseBoolean(value);
            trace = debug;
        }, "DV");
        parser.bool(value -> {
            debug = Boolean.parseBoolean(value);
            trace = debug;
            traceVerbose = debug;
        }, "DVV");
        parser.bool(value -> logTime = Boolean.parseBoolean(value), "T", "logtime");
        parser.bool(value -> version = Boolean.parseBoolean(value), "v", "version");
        acceptOutOfScope(parser);

        List<String> rest = parser.parse(args);
        settings.logging(LoggingSettings.defaults().withLevels(debug, trace, traceVerbose).withLogTime(logTime, false));
        Action action = version ? Action.VERSION : Action.RUN;
        if (!rest.isEmpty()) {
            switch (rest.get(0).toLowerCase(Locale.ROOT)) {
                case "version" -> action = Action.VERSION;
                case "help" -> action = Action.HELP;
                default -> {
                    // nats-server ignores other positional arguments.
                }
            }
        }
        return new Parsed(action, settings.build(), List.copyOf(warnings));
    }

    private void acceptOutOfScope(GoFlagParser parser) {
        parser.bool(value -> warn("JetStream"), "js", "jetstream");
        parser.value(value -> warn("JetStream"), "sd", "store_dir");
        parser.value(value -> warn("clustering"), "routes", "cluster", "cluster_listen", "cluster_advertise",
                "connect_retries", "cluster_name");
        parser.bool(value -> warn("clustering"), "no_advertise");
    }

    private void warn(String feature) {
        String warning = feature + " is not supported by Natrium; the flag is ignored";
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /** nats-server's usage text. */
    public static String usage() {
        return Usage.TEXT;
    }
}
