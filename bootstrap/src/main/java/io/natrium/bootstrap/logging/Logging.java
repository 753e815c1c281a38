package io.natrium.bootstrap.logging;

import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.LoggingSettings;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

import java.time.Clock;

/**
 * The server's logging, as bootstrap drives it: {@link #apply} before the first logger exists (from the command
 * line and configuration file) and again on a reload, {@link #reopen} on SIGUSR1, and {@link #protocolTracer} for
 * the wiring.
 *
 * <p>{@code apply} opens the output at once, on the caller's thread, so that a bad log file or syslog address fails
 * the start as in nats-server. Before Logback has started it only remembers the settings and the opened output:
 * Logback starts on first use (the launcher does that on a second thread) and {@link NatsLogConfigurator} installs
 * them then, so start-up neither waits for Logback nor reads any configuration file.
 *
 * <p>Without any {@code apply} (tests), lines go to standard error at the level of the {@value #LEVEL_PROPERTY}
 * system property, INFO by default.
 */
public final class Logging {

    /** The root level used until settings are applied, e.g. WARN to keep test output quiet. */
    public static final String LEVEL_PROPERTY = "natrium.log.level";

    private static final Object LOCK = new Object();
    private static final LogbackProtocolTracer TRACER = new LogbackProtocolTracer();

    /** The settings applied last; null until {@link #apply} (the property's level then). Guarded by LOCK. */
    private static LoggingSettings settings;
    /** Opened by {@link #apply} before Logback started, waiting for {@link #install}. Guarded by LOCK. */
    private static LogOutput pending;
    /** Set once Logback has started. Guarded by LOCK. */
    private static LogControl control;
    /**
     * Logback follows the configuration of the application Natrium is embedded in (its own {@code logback.xml}):
     * Natrium's lines go where that says, and only tracing follows the settings. Guarded by LOCK.
     */
    private static boolean hostManaged;

    private Logging() {
    }

    /**
     * Logs as {@code next} says from now on: destination, level, timestamps and protocol tracing. Lines logged while
     * the switch happens go to the old destination or the new one; the old one is closed.
     *
     * @throws LoggingException when the new destination cannot be opened; the old one stays in use
     */
    public static void apply(LoggingSettings next) {
        apply(next, null);
    }

    /** Back to the state before any {@link #apply}: standard error at the property's level, no tracing. */
    public static void reset() {
        apply(null, propertyLevel());
    }

    /**
     * Reopens the log file (SIGUSR1), so that a file moved away by logrotate is created again; logs
     * {@code File log re-opened}, or that there is no file to reopen.
     */
    public static void reopen() {
        LogControl running;
        synchronized (LOCK) {
            running = control;
            if (hostManaged) {
                return;
            }
            if (running == null) {
                if (pending != null) {
                    pending.reopen();
                }
                return;
            }
        }
        running.reopen();
    }

    /** The tracer the transport and sessions write protocol traces to; it follows every {@link #apply}. */
    public static ProtocolTracer protocolTracer() {
        return TRACER;
    }

    /**
     * Called by {@link NatsLogConfigurator} when Logback starts in a JVM whose application has a Logback
     * configuration of its own: unless a launcher already chose Natrium's output ({@link #apply} before Logback
     * started), that configuration is left to rule the JVM's logging. Returns whether it was.
     */
    static boolean leaveToHost(LoggerContext context) {
        synchronized (LOCK) {
            if (settings != null || pending != null) {
                return false;
            }
            hostManaged = true;
            TRACER.attach(context.getLogger(LogbackProtocolTracer.LOGGER));
            return true;
        }
    }

    /** Called by {@link NatsLogConfigurator} when Logback starts. */
    static void install(LoggerContext context) {
        synchronized (LOCK) {
            LoggingSettings current = settings != null ? settings : LoggingSettings.defaults();
            LogOutput output = pending != null ? pending : LogOutputs.open(current, System.err, Clock.systemDefaultZone());
            pending = null;
            control = new LogControl(context, TRACER, output);
            control.apply(current, output, settings == null ? propertyLevel() : null);
        }
    }

    private static void apply(LoggingSettings next, Level rootLevel) {
        LoggingSettings effective = next != null ? next : LoggingSettings.defaults();
        synchronized (LOCK) {
            if (hostManaged) {
                // No file or stream of Natrium's is opened: the host's configuration decides where lines go.
                settings = next;
                TRACER.update(effective);
                return;
            }
        }
        LogOutput output = LogOutputs.open(effective, System.err, Clock.systemDefaultZone());
        synchronized (LOCK) {
            settings = next;
            if (control != null) {
                control.apply(effective, output, rootLevel);
                return;
            }
            if (pending != null) {
                pending.close();
            }
            pending = output;
            TRACER.update(effective);
        }
    }

    private static Level propertyLevel() {
        return Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.INFO);
    }
}
