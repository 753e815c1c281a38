package io.natrium.bootstrap;

import io.natrium.application.settings.ServerSettings;

import java.util.Optional;

/**
 * The client address read from a command line that names nothing but it ({@code --port N}, {@code -a HOST}, as
 * tools that launch nats-server write it), before the command line parser and the configuration are loaded: they take
 * tens of milliseconds of a start that such tools give about 300 ms to take connections. Anything else on the command
 * line (a configuration file, any other flag, a form this does not read) gives nothing, and the port is bound once the
 * configuration is known. What is read here is checked against the settings: the full parse has the last word.
 */
record EarlyAddress(String host, int port) {

    /** The address such a command line asks for, or nothing. */
    static Optional<EarlyAddress> of(String[] args) {
        String host = ServerSettings.DEFAULT_HOST;
        int port = ServerSettings.DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            switch (flag) {
                case "-p", "--p", "-port", "--port" -> {
                    if (!isDecimal(value)) {
                        return Optional.empty();
                    }
                    // As nats-server: 0 is the default port, a negative one any free port.
                    port = Integer.parseInt(value) == 0 ? ServerSettings.DEFAULT_PORT : Integer.parseInt(value);
                }
                case "-a", "--a", "-addr", "--addr", "-net", "--net" -> {
                    if (value.isEmpty() || value.startsWith("-")) {
                        return Optional.empty();
                    }
                    host = value;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new EarlyAddress(host, port));
    }

    /** Whether the settings ask for this address (a port below 1 asks for any free one, as {@code -1} does). */
    boolean matches(ServerSettings settings) {
        return host.equals(settings.host()) && Math.max(port, 0) == settings.bindPort();
    }

    /** The port to bind: 0 for any free one. */
    int bindPort() {
        return Math.max(port, 0);
    }

    private static boolean isDecimal(String value) {
        if (value.isEmpty() || value.length() > 6) {
            return false;
        }
        int start = value.charAt(0) == '-' ? 1 : 0;
        if (start == value.length()) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
