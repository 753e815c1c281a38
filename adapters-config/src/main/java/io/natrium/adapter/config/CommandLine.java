package io.natrium.adapter.config;

import io.natrium.application.settings.LoggingSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;
import io.natrium.application.settings.TlsSettings;
import io.natrium.domain.text.GoStrings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * nats-server's command line ({@code ConfigureOptions}): every flag of the single server, with Go's flag syntax.
 * Parsing says what to do ({@link Action}) and keeps the options set as {@link FlagOverrides}, which win over the
 * configuration file at start and after reloads. Flags of features outside Natrium's scope (clustering, JetStream)
 * are accepted with a warning; flags of features not implemented yet are accepted and listed as unsupported, or
 * refused when running without the feature would be unsafe or would leave out a listener.
 */
public final class CommandLine {

    /** What the command line asks for. */
    public enum Action {
        /** Run the server. */
        RUN,
        /** Print {@link #usage()} and exit 0 ({@code -h}, {@code --help}, {@code help}). */
        HELP,
        /** Print the version and exit 0 ({@code -v}, {@code --version}, {@code version}). */
        VERSION,
        /** Print {@link #tlsHelp()} and exit 0 ({@code --help_tls}). */
        TLS_HELP,
        /** Load the configuration file, report its errors or that it is valid, and exit ({@code -t}). */
        CHECK_CONFIG,
        /** Send {@link Parsed#signal()} to a running server and exit ({@code --signal}). */
        SIGNAL
    }

    /**
     * The outcome of parsing.
     *
     * @param action      what to do
     * @param configFile  the configuration file ({@code -c}); null for none
     * @param signal      for {@link Action#SIGNAL}, what to send where; null otherwise
     * @param flags       the options the flags set, to apply over the file (also after a reload)
     * @param warnings    out-of-scope flags, accepted and ignored, to log at start
     * @param unsupported flags of features Natrium does not implement yet, to log at start
     * @param refusals    flags asking for a feature Natrium does not implement yet and may not ignore: errors that
     *                    stop the start, as configuration errors do
     * @param solicitsRoutesWithoutListening {@code --routes} given without {@code --cluster}: nats-server refuses
     *                    to start unless the configuration file's {@code cluster} block listens
     */
    public record Parsed(
            Action action, String configFile, SignalRequest signal, FlagOverrides flags, List<String> warnings,
            List<UnsupportedOption> unsupported, List<String> refusals, boolean solicitsRoutesWithoutListening) {

        public Parsed {
            warnings = List.copyOf(warnings);
            unsupported = List.copyOf(unsupported);
            refusals = List.copyOf(refusals);
        }

        /** The flags over nats-server's defaults: what the server runs with when there is no configuration file. */
        public ServerSettings settings() {
            return Baseline.apply(flags.applyTo(ServerSettings.defaults()));
        }
    }

    private final List<FlagOverrides.Change> changes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<UnsupportedOption> unsupported = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private final TlsFlags tls = new TlsFlags();
    private boolean help;
    private boolean version;
    private boolean tlsHelp;
    private boolean checkConfig;
    private String configFile;
    private String signal;
    private boolean solicitedRoutes;
    private boolean clusterListens;

    private CommandLine() {
    }

    /**
     * Parses nats-server's flags.
     *
     * @throws CommandLineException with Go's message for a flag it cannot use, or nats-server's for a wrong
     *                              combination ({@code -t} without {@code -c}, {@code --tls} without a certificate,
     *                              a bad {@code --signal})
     */
    public static Parsed parse(String... args) throws CommandLineException {
        return new CommandLine().run(args);
    }

    /** nats-server's usage text, grouped as its {@code main.go} groups it. */
    public static String usage() {
        return Usage.TEXT;
    }

    /** nats-server's {@code --help_tls} text. */
    public static String tlsHelp() {
        return Usage.tlsHelp();
    }

    private Parsed run(String[] args) throws CommandLineException {
        GoFlagParser parser = new GoFlagParser();
        commonFlags(parser);
        serverFlags(parser);
        loggingFlags(parser);
        monitoringFlags(parser);
        authorizationFlags(parser);
        unsupportedFlags(parser);
        tls.register(parser);
        outOfScopeFlags(parser);
        List<String> rest = parser.parse(args);
        if (version) {
            return result(Action.VERSION, null);
        }
        if (help) {
            return result(Action.HELP, null);
        }
        if (tlsHelp) {
            return result(Action.TLS_HELP, null);
        }
        if (!rest.isEmpty()) {
            switch (rest.get(0).toLowerCase(Locale.ROOT)) {
                case "version" -> {
                    return result(Action.VERSION, null);
                }
                case "help" -> {
                    return result(Action.HELP, null);
                }
                default -> {
                    // nats-server ignores other positional arguments.
                }
            }
        }
        if (signal != null) {
            return result(Action.SIGNAL, signal(signal));
        }
        if (checkConfig && configFile == null) {
            throw new CommandLineException(
                    "must specify [-c, --config] option to check configuration file syntax", false);
        }
        TlsSettings override = tls.override();
        if (tls.given()) {
            changes.add(new FlagOverrides.Change(EnumSet.of(Setting.TLS), settings -> settings.tls(override)));
        }
        return result(checkConfig ? Action.CHECK_CONFIG : Action.RUN, null);
    }

    private Parsed result(Action action, SignalRequest request) {
        return new Parsed(action, configFile, request, FlagOverrides.of(changes), warnings, unsupported, refusals,
                solicitedRoutes && !clusterListens);
    }

    private void commonFlags(GoFlagParser parser) {
        parser.bool(value -> help = Boolean.parseBoolean(value), "h", "help");
        parser.bool(value -> version = Boolean.parseBoolean(value), "v", "version");
        parser.bool(value -> tlsHelp = Boolean.parseBoolean(value), "help_tls");
        parser.value(value -> configFile = value, "c", "config");
        parser.bool(value -> checkConfig = Boolean.parseBoolean(value), "t");
        parser.value(value -> signal = value, "sl", "signal");
    }

    private void serverFlags(GoFlagParser parser) {
        parser.value(value -> {
            int port = GoFlagParser.parseInt(value);
            set(Setting.PORT, settings -> settings.port(port));
        }, "p", "port");
        parser.value(value -> set(Setting.HOST, settings -> settings.host(value)), "a", "addr", "net");
        parser.value(value -> set(Setting.SERVER_NAME, settings -> settings.serverName(value)),
                "n", "name", "server_name");
        parser.value(value -> set(Setting.CLIENT_ADVERTISE,
                settings -> settings.network(network -> network.withClientAdvertise(value))), "client_advertise");
        parser.value(value -> set(Setting.PIDFILE,
                settings -> settings.processFiles(files -> files.withPidFile(value))), "P", "pid");
        parser.value(value -> set(Setting.PORTS_FILE_DIR,
                settings -> settings.processFiles(files -> files.withPortsFileDir(value))), "ports_file_dir");
        parser.value(value -> set(Setting.STORE_DIR,
                settings -> settings.processFiles(files -> files.withStoreDir(value))), "sd", "store_dir");
    }

    private void loggingFlags(GoFlagParser parser) {
        logBool(parser, (logging, on) -> logging.debug(on), EnumSet.of(Setting.DEBUG), "D", "debug");
        logBool(parser, (logging, on) -> logging.trace(on), EnumSet.of(Setting.TRACE), "V", "trace");
        logBool(parser, (logging, on) -> logging.trace(on).traceVerbose(on),
                EnumSet.of(Setting.TRACE, Setting.TRACE_VERBOSE), "VV");
        logBool(parser, (logging, on) -> logging.debug(on).trace(on), EnumSet.of(Setting.DEBUG, Setting.TRACE),
                "DV");
        logBool(parser, (logging, on) -> logging.debug(on).trace(on).traceVerbose(on),
                EnumSet.of(Setting.DEBUG, Setting.TRACE, Setting.TRACE_VERBOSE), "DVV");
        logBool(parser, (logging, on) -> logging.logTime(on), EnumSet.of(Setting.LOGTIME), "T", "logtime");
        logBool(parser, (logging, on) -> logging.logTimeUtc(on), EnumSet.of(Setting.LOGTIME_UTC), "logtime_utc");
        logBool(parser, (logging, on) -> logging.syslog(on), EnumSet.of(Setting.SYSLOG), "s", "syslog");
        parser.value(value -> log(Setting.LOGFILE, logging -> logging.logFile(value)), "l", "log");
        parser.value(value -> {
            long limit = GoFlagParser.parseLong(value);
            log(Setting.LOGFILE_SIZE_LIMIT, logging -> logging.logSizeLimit(limit));
        }, "log_size_limit");
        parser.value(value -> log(Setting.REMOTE_SYSLOG, logging -> logging.remoteSyslog(value)),
                "r", "remote_syslog");
        parser.value(value -> {
            int length = GoFlagParser.parseInt(value);
            log(Setting.MAX_TRACED_MSG_LEN, logging -> logging.maxTracedMsgLen(length));
        }, "max_traced_msg_len");
    }

    private void authorizationFlags(GoFlagParser parser) {
        parser.value(value -> set(Setting.USER, settings -> settings.authorization(auth -> auth.withUser(value))),
                "user");
        parser.value(value -> set(Setting.PASSWORD,
                settings -> settings.authorization(auth -> auth.withPassword(value))), "pass");
        parser.value(value -> set(Setting.TOKEN, settings -> settings.authorization(auth -> auth.withToken(value))),
                "auth");
    }

    private void monitoringFlags(GoFlagParser parser) {
        parser.value(value -> {
            int port = GoFlagParser.parseInt(value);
            set(Setting.HTTP_PORT, settings -> settings.monitoring(monitoring -> monitoring.withHttpPort(port)));
        }, "m", "http_port");
        parser.value(value -> {
            int port = GoFlagParser.parseInt(value);
            set(Setting.HTTPS_PORT, settings -> settings.monitoring(monitoring -> monitoring.withHttpsPort(port)));
        }, "ms", "https_port");
    }

    private void unsupportedFlags(GoFlagParser parser) {
        parser.value(value -> {
            int port = GoFlagParser.parseInt(value);
            notYet("profile", Setting.PROF_PORT, settings -> settings.profiling(profiling -> profiling.withPort(port)));
        }, "profile");
    }

    private void outOfScopeFlags(GoFlagParser parser) {
        parser.bool(value -> warn("JetStream"), "js", "jetstream");
        parser.value(value -> {
            solicitedRoutes = !value.isEmpty();
            warn("clustering");
        }, "routes");
        parser.value(value -> {
            clusterListens = !value.isEmpty();
            warn("clustering");
        }, "cluster", "cluster_listen");
        parser.value(value -> warn("clustering"), "cluster_advertise", "connect_retries", "cluster_name");
        parser.bool(value -> warn("clustering"), "no_advertise");
    }

    private void logBool(GoFlagParser parser, LoggingChange change, Set<Setting> settings, String... names) {
        parser.bool(value -> {
            boolean on = Boolean.parseBoolean(value);
            add(settings, builder -> builder.logging(logging -> {
                LoggingSettings.Builder copy = logging.toBuilder();
                change.apply(copy, on);
                return copy.build();
            }));
        }, names);
    }

    private void log(Setting setting, Consumer<LoggingSettings.Builder> change) {
        set(setting, builder -> builder.logging(logging -> {
            LoggingSettings.Builder copy = logging.toBuilder();
            change.accept(copy);
            return copy.build();
        }));
    }

    private void set(Setting setting, Consumer<ServerSettings.Builder> change) {
        add(EnumSet.of(setting), change);
    }

    private void add(Set<Setting> settings, Consumer<ServerSettings.Builder> change) {
        changes.add(new FlagOverrides.Change(settings, change));
    }

    private void notYet(String flag, Setting setting, Consumer<ServerSettings.Builder> change) {
        set(setting, change);
        notYet(flag);
    }

    private void notYet(String flag) {
        UnsupportedOption option = new UnsupportedOption(null, "-" + flag);
        if (!unsupported.contains(option)) {
            unsupported.add(option);
        }
    }

    private void refuse(String flag, Refusal refusal) {
        String refusalMessage = refusal.forFlag(flag);
        if (!refusals.contains(refusalMessage)) {
            refusals.add(refusalMessage);
        }
    }

    private void warn(String feature) {
        String warning = feature + " is not supported by Natrium; the flag is ignored";
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /** nats-server's {@code processSignal}: {@code <command>[=<pid or pid file>]}. */
    private static SignalRequest signal(String value) throws CommandLineException {
        String[] parts = value.split("=", -1);
        if (parts.length > 2) {
            throw new CommandLineException("invalid signal parameters: "
                    + Arrays.asList(parts).subList(2, parts.length).toString().replace(",", ""), false);
        }
        SignalCommand command = SignalCommand.of(parts[0]);
        if (command == null) {
            throw new CommandLineException("unknown signal " + GoStrings.quote(parts[0]), false);
        }
        return new SignalRequest(command, parts.length == 2 ? parts[1] : null);
    }

    /** A logging option set by a boolean flag. */
    @FunctionalInterface
    private interface LoggingChange {
        void apply(LoggingSettings.Builder logging, boolean on);
    }
}
