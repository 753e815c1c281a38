package io.natrium.bootstrap;

import io.natrium.adapter.config.CommandLine;
import io.natrium.adapter.config.CommandLineException;
import io.natrium.adapter.config.ConfigurationLoader;
import io.natrium.adapter.config.FileConfigurationSource;
import io.natrium.adapter.config.LoadedConfiguration;
import io.natrium.adapter.config.UnsupportedOption;
import io.natrium.adapter.config.syntax.ConfigParser;
import io.natrium.adapter.tcp.EarlyListeningSocket;
import io.natrium.adapter.tcp.TcpClientListener;
import io.natrium.application.server.ServerIdentity;
import io.natrium.bootstrap.check.CheckCommand;
import io.natrium.bootstrap.logging.FatalLog;
import io.natrium.bootstrap.logging.Logging;
import io.natrium.bootstrap.logging.LoggingException;
import io.natrium.bootstrap.wiring.ClientTls;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code nats-server} command: parse the command line and do what it asks — print usage or the version, check
 * a configuration file ({@code -t}), signal a running server ({@code --signal}), or load the configuration, set up
 * logging, start, and run until a signal stops it. {@code natrium check ...} is the offline checker instead
 * ({@link CheckCommand}).
 */
public final class Natrium {

    private static final String EXECUTABLE = "nats-server";
    private static final String CHECK = "check";
    private static final String TRAINING = "--natrium-training";
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
    private static final String NETTY_JFR = "io.netty.jfr.enabled";

    private Natrium() {
    }

    public static void main(String[] args) {
        // First, so that the launcher's training run records the classes of a real start.
        defaultProperties();
        if (args.length == 1 && TRAINING.equals(args[0])) {
            // The launcher's training run, through the jar as every start (see the natrium script).
            StartupTraining.main(args);
            return;
        }
        // Tools that launch nats-server give it about 300 ms to take connections, and clients wait for INFO: a plain
        // --port/--addr command line is bound and greets its clients before anything else is loaded, and is checked
        // against the configuration once it is (run below).
        Optional<EarlyClientPort> early = EarlyClientPort.open(args);
        OptionalInt subcommand = runSubcommand(args, System.out, System.err);
        if (subcommand.isPresent()) {
            System.exit(subcommand.getAsInt());
        }
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(args);
        } catch (CommandLineException e) {
            if (e.isHelp() || e.isFlagError()) {
                // Go's flag package: the message on standard error, then the usage, and nats-server exits 0.
                if (!e.isHelp()) {
                    System.err.println(e.getMessage());
                }
                System.out.println(CommandLine.usage());
                System.exit(0);
            }
            die(e.getMessage());
            return;
        }
        ConfigurationLoader loader = new ConfigurationLoader(ConfigParser::parseFile, ClientTls.CHECK);
        switch (parsed.action()) {
            case HELP -> exit(CommandLine.usage());
            case TLS_HELP -> {
                // nats-server prints it with Printf: the text ends with its last line's newline, nothing after.
                System.out.print(CommandLine.tlsHelp());
                System.exit(0);
            }
            case VERSION -> exit(EXECUTABLE + ": v" + ServerIdentity.NATS_SERVER_VERSION);
            case SIGNAL -> {
                String error = SignalSender.forThisMachine().send(parsed.signal());
                if (error != null) {
                    die(error);
                }
                System.exit(0);
            }
            case CHECK_CONFIG -> checkConfiguration(loader.load(parsed), parsed.configFile());
            default -> run(parsed, loader, early);
        }
    }

    /** Properties read by libraries as they load, set before any of them does unless set on the command line. */
    private static void defaultProperties() {
        // Loggers are created while logging is still being set up on another thread; SLF4J replays their calls and
        // would say so on standard error, in lines nats-server never prints. Only its errors are wanted there.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        // Netty's allocator and event loops emit Flight Recorder events when JFR is available, which starts JFR's
        // machinery at the first allocation and generates a handler class for each event (~250 ms of CPU and ~15 MiB
        // resident at start, docs/benchmarks.md) for recordings nobody takes; -Dio.netty.jfr.enabled=true brings
        // them back.
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
    }

    /**
     * Runs a Natrium-only subcommand ({@code check}, the offline checker, which never starts the server) and returns
     * its exit status; empty when the arguments are nats-server's own. Separate from {@link #main} so that tests can
     * run the dispatch without exiting the JVM.
     */
    public static OptionalInt runSubcommand(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && CHECK.equals(args[0])) {
            return OptionalInt.of(new CheckCommand(out, err).run(List.of(args).subList(1, args.length)));
        }
        return OptionalInt.empty();
    }

    private static void checkConfiguration(LoadedConfiguration loaded, String file) {
        if (!loaded.passesCheck()) {
            dieWithErrors(loaded);
        }
        System.err.println(EXECUTABLE + ": configuration file " + file + " is valid ("
                + loaded.settings().origin().configDigest() + ")");
        System.exit(0);
    }

    private static void run(CommandLine.Parsed parsed, ConfigurationLoader loader, Optional<EarlyClientPort> early) {
        // Signals first: the rest of the start takes long enough for a test suite to send its SIGTERM meanwhile.
        ServerRun serverRun = new ServerRun(System::exit);
        Signals.Installed signals = Signals.install(serverRun);
        LoadedConfiguration loaded = loader.load(parsed);
        if (loaded.hasErrors()) {
            dieWithErrors(loaded);
        }
        // The client port takes connections from here on: a client that connects while the rest starts waits for its
        // INFO instead of being refused (tools that launch nats-server give up after a few refused tries).
        Optional<EarlyListeningSocket> socket;
        ServerIdentity identity = null;
        if (early.isPresent() && early.get().matches(loaded.settings())) {
            socket = Optional.of(early.get().socket());
            identity = early.get().identity();
        } else {
            early.ifPresent(port -> port.socket().close());
            socket = EarlyListeningSocket.bind(loaded.settings().host(), loaded.settings().bindPort());
        }
        // nats-server prints the file's warnings as they are, before its logger exists, and starts anyway.
        loaded.fileWarnings().forEach(System.err::println);
        try {
            Logging.apply(loaded.settings().logging());
        } catch (LoggingException e) {
            // nats-server's log.Fatalf: the message on standard error, exit status 1.
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        // SLF4J starts on this thread before any other asks it for a logger: a logger asked for on another thread
        // while it starts would be a stand-in whose calls SLF4J replays afterwards, with a warning on standard error.
        LoggerFactory.getILoggerFactory();
        // Tools that launch nats-server give it about half a second: Netty loads on a second thread while the
        // injector is built on this one.
        Thread warmUp = new Thread(TcpClientListener::preload, "natrium-warm-up");
        warmUp.start();
        NatriumServer server;
        try {
            server = NatriumServer.create(loaded.settings(), new FileConfigurationSource(loader, parsed), socket,
                    identity);
        } catch (RuntimeException e) {
            // The configuration checks should have caught it; whatever slipped through is still one line.
            die(StartupFailure.describe(e));
            return;
        }
        Logger log = LoggerFactory.getLogger(Natrium.class);
        loaded.warnings().forEach(log::warn);
        for (UnsupportedOption option : loaded.unsupported()) {
            log.warn("{}", option);
        }
        signals.warnings().forEach(log::warn);
        signals.notes().forEach(log::debug);
        if (!serverRun.attach(server)) {
            System.exit(serverRun.exitStatus());
            return;
        }
        try {
            server.start();
        } catch (Exception e) {
            // nats-server gives up with Fatalf: its sentence ("Error listening on port: ...", "Can't start
            // monitoring: ...") at the fatal level, exit status 1.
            log.error(FatalLog.MARKER, "{}", e.getMessage());
            System.exit(1);
            return;
        }
        serverRun.started();
        server.awaitTermination();
        System.exit(serverRun.exitStatus());
    }

    private static void exit(String text) {
        System.out.println(text);
        System.exit(0);
    }

    /** nats-server's PrintAndDie: {@code nats-server: <message>} on standard error, exit status 1. */
    private static void die(String message) {
        System.err.println(EXECUTABLE + ": " + message);
        System.exit(1);
    }

    /**
     * Configuration errors, one per line, as nats-server prints them; a file that could not be read at all, or a
     * wrong combination of flags, is one bare error.
     */
    private static void dieWithErrors(LoadedConfiguration loaded) {
        if (loaded.bare()) {
            die(loaded.errors().get(0));
            return;
        }
        StringBuilder text = new StringBuilder();
        loaded.problems().forEach(error -> text.append(error).append('\n'));
        die(text.toString());
    }
}
