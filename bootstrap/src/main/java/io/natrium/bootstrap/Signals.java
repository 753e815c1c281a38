package io.natrium.bootstrap;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * nats-server's signals: SIGINT shuts down and exits 0; SIGTERM does the same unless lame-duck mode is under way;
 * SIGUSR2 enters lame-duck mode. (Log reopening on SIGUSR1 and reload on SIGHUP come with the configuration issue.)
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
        handle("USR2", "user defined signal 2", server::enterLameDuckMode);
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

    private static void exitAfterShutdown(NatriumServer server) {
        server.shutdown();
        System.exit(0);
    }
}
