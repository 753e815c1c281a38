package io.natrium.bootstrap;

import io.natrium.adapter.config.CommandLine;
import io.natrium.adapter.config.CommandLineException;
import io.natrium.adapter.tcp.TcpClientListener;
import io.natrium.application.session.ServerIdentity;
import io.natrium.bootstrap.logging.Logging;
import io.natrium.bootstrap.logging.LoggingException;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code nats-server} command: parse the flags, set up logging, start, and run until a signal stops it. */
public final class Natrium {

    private Natrium() {
    }

    public static void main(String[] args) {
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(args);
        } catch (CommandLineException e) {
            if (!e.isHelp()) {
                System.err.println(e.getMessage());
            }
            printUsage(System.out);
            System.exit(0);
            return;
        }
        switch (parsed.action()) {
            case HELP -> {
                printUsage(System.out);
                System.exit(0);
            }
            case VERSION -> {
                System.out.println("nats-server: v" + ServerIdentity.NATS_SERVER_VERSION);
                System.exit(0);
            }
            default -> run(parsed);
        }
    }

    private static void run(CommandLine.Parsed parsed) {
        try {
            Logging.apply(parsed.settings().logging());
        } catch (LoggingException e) {
            // nats-server's log.Fatalf: the message on standard error, exit status 1.
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        // Tools that launch nats-server give it about half a second. Configuring the logger and loading Netty run on
        // a second thread while the injector is built on this one; log calls made meanwhile are buffered by SLF4J.
        Thread warmUp = new Thread(() -> {
            LoggerFactory.getILoggerFactory();
            TcpClientListener.preload();
        }, "natrium-warm-up");
        warmUp.start();
        NatriumServer server = NatriumServer.create(parsed.settings());
        Logger log = LoggerFactory.getLogger(Natrium.class);
        parsed.warnings().forEach(log::warn);
        Signals.install(server);
        try {
            server.start();
        } catch (Exception e) {
            log.error("Error starting server: {}", e.getMessage());
            System.exit(1);
            return;
        }
        server.awaitTermination();
        System.exit(0);
    }

    private static void printUsage(PrintStream out) {
        out.println(CommandLine.usage());
    }
}
