package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigInteger;
import io.natrium.adapter.config.syntax.ConfigString;
import io.natrium.domain.text.GoStrings;

/**
 * nats-server's {@code listen} values: a port ({@code 4222}), or {@code host:port}, {@code :port},
 * {@code [::1]:port} as Go's {@code net.SplitHostPort} reads them.
 *
 * @param host the host; empty when only a port was given
 * @param port the port
 */
record HostPort(String host, int port) {

    /** The listen address of an entry, or null after reporting why it is not one. */
    static HostPort of(ConfigEntry entry, ConfigReader reader) {
        if (entry.value() instanceof ConfigInteger port) {
            return new HostPort("", (int) port.value());
        }
        if (!(entry.value() instanceof ConfigString text)) {
            reader.error(entry, "expected port or host:port, got " + ConfigReader.goType(entry.value()));
            return null;
        }
        String address = text.value();
        String host;
        String port;
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            if (close < 0 || close + 1 >= address.length() || address.charAt(close + 1) != ':') {
                return unparsable(entry, reader, address);
            }
            host = address.substring(1, close);
            port = address.substring(close + 2);
        } else {
            int colon = address.lastIndexOf(':');
            if (colon < 0 || address.substring(0, colon).indexOf(':') >= 0) {
                return unparsable(entry, reader, address);
            }
            host = address.substring(0, colon);
            port = address.substring(colon + 1);
        }
        try {
            return new HostPort(host, Integer.parseInt(port.startsWith("+") ? port.substring(1) : port));
        } catch (NumberFormatException e) {
            reader.error(entry, "could not parse port " + GoStrings.quote(port));
            return null;
        }
    }

    private static HostPort unparsable(ConfigEntry entry, ConfigReader reader, String address) {
        reader.error(entry, "could not parse address string " + GoStrings.quote(address));
        return null;
    }

    boolean hasHost() {
        return !host.isEmpty();
    }
}
