package io.natrium.bootstrap;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * SIGINT and SIGTERM shut the server down gracefully and exit 0, as nats-server does. (Reload, log reopening and
 * lame duck by signal come with the configuration issue.)
 */
final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    static void install(NatriumServer server) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.debug("Trapped \"{}\" signal", signal.getName().toLowerCase(Locale.ROOT));
                    Thread stopper = new Thread(() -> {
                        server.shutdown();
                        System.exit(0);
                    }, "natrium-shutdown");
                    stopper.start();
                });
            } catch (IllegalArgumentException e) {
                LOG.debug("Signal {} cannot be handled here: {}", name, e.getMessage());
            }
        }
    }
}
