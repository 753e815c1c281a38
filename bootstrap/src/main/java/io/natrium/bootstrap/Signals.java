package io.natrium.bootstrap;

import io.natrium.bootstrap.logging.Logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * nats-server's signals: SIGINT shuts down and exits 0; SIGTERM shuts down and exits 1 unless lame-duck mode is
 * under way; SIGHUP reloads the configuration; SIGUSR1 reopens the log file (for logrotate); SIGUSR2 enters lame-duck
 * mode. Stops act at once ({@link ServerRun} says what that means during the start); the others are acted on one at
 * a time and in order, as nats-server's signal loop does, once the server has started.
 *
 * <p>Two JVM habits stand in the way, and {@link #install} works around both:
 * <ul>
 * <li>HotSpot does not take SIGHUP, SIGINT or SIGTERM when the process inherited them ignored, as a background job
 * of a non-interactive shell inherits SIGINT, or {@code nohup} SIGHUP; Go's {@code signal.Notify} takes them all the
 * same. The server gives them back their default disposition ({@link ForeignSignalReset}, Java 22 and newer; the
 * launcher does it before Java starts) and takes them; where it cannot, the start log says so.
 * <li>HotSpot suspends threads with SIGUSR2 unless {@code _JAVA_SR_SIGNUM} moves it (the launcher does), and a
 * SIGUSR2 from outside then crashes Java 17 in the JVM's handler. A Java handler there would also turn every
 * thread suspension (JFR's sampler) into a lame-duck request. So SIGUSR2 is ignored instead, which costs only those
 * suspensions (HotSpot gives each up after a few milliseconds); lame-duck mode comes by SIGPWR, which
 * {@code --signal ldm} sends to such a JVM, and the start log says so.
 * </ul>
 */
final class Signals {

    /** HotSpot's shutdown signals: the ones it leaves alone when they were inherited ignored. */
    private static final Set<String> KEPT_IGNORED_BY_HOTSPOT = Set.of("HUP", "INT", "TERM");
    /** The stand-in for SIGUSR2 where the JVM suspends threads with it. */
    static final String LAME_DUCK_STAND_IN = "PWR";

    private final ServerRun run;
    private final ExecutorService actions = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "natrium-signals");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Signals(ServerRun run) {
        this.run = run;
    }

    /**
     * What the start log says about signals: {@code warnings} (a signal that will not be handled at all) and
     * {@code notes}, logged at debug level: a standing condition of how the JVM was started that has a stand-in, which
     * nats-server's start never mentions, so it stays off a quiet start's standard error.
     */
    record Installed(List<String> warnings, List<String> notes) {
    }

    /**
     * Handles the server's signals from now on; returns what the start log should say about signals that cannot
     * be handled as nats-server handles them. Logs nothing itself: logging may not be set up yet.
     */
    static Installed install(ServerRun run) {
        Signals signals = new Signals(run);
        signals.stopOn("INT", "interrupt", run::interrupt);
        signals.stopOn("TERM", "terminated", run::terminate);
        signals.actOn("HUP", "hangup", ServerRun.Target::reload);
        signals.actOn("USR1", "user defined signal 1", server -> Logging.reopen());
        if (SuspendSignal.ofThisJvm() == SuspendSignal.SIGUSR2) {
            signals.take("USR2", SignalHandler.SIG_IGN);
            signals.actOn(LAME_DUCK_STAND_IN, "power failure", ServerRun.Target::enterLameDuckMode);
            signals.notes.add("Lame duck mode by SIGUSR2 is unavailable: this JVM suspends threads with SIGUSR2 "
                    + "(start through the natrium launcher, which moves that to another signal); "
                    + "--signal ldm sends SIG" + LAME_DUCK_STAND_IN + " instead");
        } else {
            signals.actOn("USR2", "user defined signal 2", ServerRun.Target::enterLameDuckMode);
        }
        return new Installed(List.copyOf(signals.warnings), List.copyOf(signals.notes));
    }

    private void stopOn(String name, String goName, Runnable stop) {
        take(name, signal -> {
            trapped(goName);
            stop.run();
        });
    }

    private void actOn(String name, String goName, Consumer<ServerRun.Target> action) {
        take(name, signal -> actions.execute(() -> {
            try {
                run.whenStarted(server -> {
                    trapped(goName);
                    action.accept(server);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    private void take(String name, SignalHandler handler) {
        try {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, handler);
            if (previous == SignalHandler.SIG_IGN && KEPT_IGNORED_BY_HOTSPOT.contains(name)) {
                if (!ForeignSignalReset.reset(signal.getNumber())) {
                    warnings.add("SIG" + name + " is not handled: it was ignored when the server was started, and "
                            + "Java " + Runtime.version().feature() + " cannot take it back (start through the "
                            + "natrium launcher, or on Java 22 or newer)");
                    return;
                }
                Signal.handle(signal, handler);
            }
        } catch (IllegalArgumentException e) {
            warnings.add("SIG" + name + " is not handled: " + e.getMessage());
        }
    }

    /** nats-server's debug line; only once logging is set up, which it is by the time a server is attached. */
    private void trapped(String goName) {
        if (run.attached()) {
            LoggerFactory.getLogger(Signals.class).debug("Trapped \"{}\" signal", goName);
        }
    }
}
