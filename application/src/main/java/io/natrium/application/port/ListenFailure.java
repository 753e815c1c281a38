package io.natrium.application.port;

/**
 * A listener that could not bind, worded as nats-server's fatal start errors word it: Go's {@code net.Listen} error
 * ({@code listen tcp 0.0.0.0:4222: bind: address already in use}) inside the sentence of the listener that failed.
 * The launcher logs the message at nats-server's fatal level and exits with status 1.
 */
public enum ListenFailure {

    /** {@code Error listening on port: h:p, "listen tcp h:p: bind: ..."}. */
    CLIENT_PORT {
        @Override
        String sentence(String address, String goError) {
            return "Error listening on port: " + address + ", \"" + goError + "\"";
        }
    },
    /** Reported by nats-server behind {@code Can't start monitoring: }. */
    MONITOR_PORT {
        @Override
        String sentence(String address, String goError) {
            return "can't listen to the monitor port: " + goError;
        }
    },
    WEBSOCKET {
        @Override
        String sentence(String address, String goError) {
            return "Unable to listen for websocket connections: " + goError;
        }
    },
    MQTT {
        @Override
        String sentence(String address, String goError) {
            return "Unable to listen for MQTT connections: " + goError;
        }
    };

    abstract String sentence(String address, String goError);

    /** The failure to bind {@code host}:{@code port}, with nats-server's text and {@code cause} kept. */
    public IllegalStateException of(String host, int port, Throwable cause) {
        String address = hostPort(host, port);
        return new IllegalStateException(sentence(address, goError(address, cause)), cause);
    }

    /**
     * Go's {@code net.OpError} text for a failed bind. The system's reason is the text after the last colon of the
     * JDK's or Netty's message ({@code bind(..) failed with error(-98): Address already in use}), which Go spells in
     * lower case.
     */
    static String goError(String address, Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "listen tcp " + address + ": " + cause.getClass().getSimpleName();
        }
        String reason = message.substring(message.lastIndexOf(':') + 1).strip();
        if (!reason.isEmpty() && Character.isUpperCase(reason.charAt(0))
                && (reason.length() == 1 || Character.isLowerCase(reason.charAt(1)))) {
            reason = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return "listen tcp " + address + ": bind: " + reason;
    }

    /** Go's {@code net.JoinHostPort}: IPv6 hosts in brackets; a random port (-1) is asked for as port 0. */
    static String hostPort(String host, int port) {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return shown + ":" + Math.max(port, 0);
    }
}
