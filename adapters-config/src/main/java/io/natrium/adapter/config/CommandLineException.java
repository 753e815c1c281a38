package io.natrium.adapter.config;

/**
 * The command line cannot be used: the message says why, in Go's or nats-server's words. For a {@linkplain
 * #isFlagError() flag error} nats-server prints the message, then the usage, and exits 0 (Go's {@code flag}
 * package calls nats-server's usage, which exits 0); otherwise it prints {@code nats-server: <message>} and exits
 * 1. {@code -h} is a flag ({@link CommandLine.Action#HELP}), so {@link #isHelp()} is only true for a help request
 * the flag parser does not define.
 */
public final class CommandLineException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean help;
    private final boolean flagError;

    CommandLineException(String message, boolean help) {
        this(message, help, false);
    }

    private CommandLineException(String message, boolean help, boolean flagError) {
        super(message);
        this.help = help;
        this.flagError = flagError;
    }

    /** A flag the Go {@code flag} package refuses (unknown flag, missing or malformed value). */
    static CommandLineException flagError(String message) {
        return new CommandLineException(message, false, true);
    }

    public boolean isHelp() {
        return help;
    }

    /** True for Go flag-syntax errors, after which nats-server prints the usage; false for nats-server's own. */
    public boolean isFlagError() {
        return flagError;
    }
}
