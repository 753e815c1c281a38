package io.natrium.bootstrap;

import io.natrium.bootstrap.logging.Logging;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * nats-server's signals: SIGINT shuts down and exits 0; SIGTERM does the same unless lame-duck mode is under way;
 * SIGUSR1 reopens the log file (for logrotate); SIGHUP reloads the configuration; SIGUSR2 enters lame-duck mode.
 *
 * <p>HotSpot on Linux suspends threads with SIGUSR2 (JFR's sampler does, for one); taking that signal over would turn
 * every sample into a lame-duck request. The launcher moves the JVM's signal elsewhere ({@code _JAVA_SR_SIGNUM}), and
 * SIGUSR2 is handled only when that was done.
 */
final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    static void install(NatriumServer server) {
        handle("INT", "interrupt", () -> exitAfterShutdown(server));
        handle("TERM", "terminated", () -> {
            if (!server.isLameDuckMode()) {
                exitAfterShutdown(server);
            }
        });
        handle("USR1", "user defined signal 1", Logging::reopen);
        handle("HUP", "hangup", server::reload);
        if (jvmLeftSigusr2Free()) {
            handle("USR2", "user defined signal 2", server::enterLameDuckMode);
        } else {
            LOG.debug("SIGUSR2 is the JVM's thread-suspend signal here; start through the launcher for lame duck");
        }
    }

    private static void handle(String signal, String goName, Runnable action) {
        try {
            Signal.handle(new Signal(signal), trapped -> {
                LOG.info("Trapped \"{}\" signal", goName);
                Thread worker = new Thread(action, "natrium-signal-" + signal.toLowerCase(Locale.ROOT));
                worker.start();
            });
        } catch (IllegalArgumentException e) {
            LOG.warn("Signal {} cannot be handled by this JVM: {}", signal, e.getMessage());
        }
    }

    static boolean jvmLeftSigusr2Free() {
        String suspendSignal = System.getenv("_JAVA_SR_SIGNUM");
        return suspendSignal != null && !suspendSignal.isBlank() && !suspendSignal.trim().equals("12");
    }

    private static void exitAfterShutdown(NatriumServer server) {
        server.shutdown();
        System.exit(0);
    }
}
