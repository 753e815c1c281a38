package io.natrium.application.server;

/**
 * The address {@code client_advertise} tells clients to use, read as nats-server reads it: {@code host},
 * {@code host:port} or {@code [v6 host]:port}; without a port, the port the server listens on.
 */
record AdvertisedAddress(String host, int port) {

    /** @throws IllegalArgumentException with nats-server's words when the port is not a number */
    static AdvertisedAddress parse(String text, int listeningPort) {
        String value = text.trim();
        int colon = value.lastIndexOf(':');
        boolean bracketed = value.startsWith("[");
        boolean hasPort = colon >= 0 && (bracketed ? value.lastIndexOf(']') < colon : value.indexOf(':') == colon);
        if (!hasPort) {
            return new AdvertisedAddress(unbracketed(value), listeningPort);
        }
        String port = value.substring(colon + 1);
        return new AdvertisedAddress(unbracketed(value.substring(0, colon)),
                port.isEmpty() ? listeningPort : number(text, port));
    }

    private static int number(String text, String port) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Error setting server INFO with ClientAdvertise value of " + text
                    + ", err=strconv.Atoi: parsing \"" + port + "\": invalid syntax", e);
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
