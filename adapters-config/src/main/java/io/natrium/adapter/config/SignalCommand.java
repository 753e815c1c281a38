package io.natrium.adapter.config;

import java.util.Locale;

/** What {@code --signal} sends to a running server, and the Unix signal it is. */
public enum SignalCommand {
    /** Lame-duck mode. */
    LDM("SIGUSR2"),
    /** Kill. */
    STOP("SIGKILL"),
    /** Shut down. */
    QUIT("SIGINT"),
    /** Shut down unless already in lame-duck mode. */
    TERM("SIGTERM"),
    /** Reopen the log file. */
    REOPEN("SIGUSR1"),
    /** Reload the configuration. */
    RELOAD("SIGHUP");

    private final String signal;

    SignalCommand(String signal) {
        this.signal = signal;
    }

    /** The Unix signal, e.g. {@code SIGHUP}. */
    public String signal() {
        return signal;
    }

    /** The name on the command line, e.g. {@code reload}. */
    public String command() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The command of a name as nats-server spells it (exactly, lower case), or null. */
    static SignalCommand of(String name) {
        for (SignalCommand command : values()) {
            if (command.command().equals(name)) {
                return command;
            }
        }
        return null;
    }
}
