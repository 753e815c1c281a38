package io.natrium.adapter.config;

/** The command line cannot be used: the message says why; {@code help} means usage was asked for. */
public final class CommandLineException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean help;

    CommandLineException(String message, boolean help) {
        super(message);
        this.help = help;
    }

    public boolean isHelp() {
        return help;
    }
}
