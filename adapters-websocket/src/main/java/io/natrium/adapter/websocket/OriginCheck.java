package io.natrium.adapter.websocket;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * nats-server's origin check ({@code same_origin}, {@code allowed_origins}): with neither configured, or a request
 * without {@code Origin} (nor {@code Sec-WebSocket-Origin}), every request passes; otherwise the origin must match
 * the request's {@code Host} (scheme's default port when none is given) and/or an allowed origin by host, scheme and
 * port. Immutable.
 */
final class OriginCheck {

    private record Allowed(String scheme, String port) {
    }

    private final boolean sameOrigin;
    /** By lower-case host; a later entry for the same host replaces an earlier one, as in nats-server's map. */
    private final Map<String, Allowed> allowed = new HashMap<>();

    OriginCheck(boolean sameOrigin, List<String> allowedOrigins) {
        this.sameOrigin = sameOrigin;
        for (String origin : allowedOrigins) {
            try {
                URI uri = new URI(origin);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme();
                HostPort hostPort = HostPort.of("https".equals(scheme), uri.getRawAuthority());
                allowed.put(hostPort.host(), new Allowed(scheme, hostPort.port()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // The configuration was checked at load; an origin that still does not parse allows nothing.
            }
        }
    }

    /**
     * Null when the request may go on, else why not (nats-server's text after {@code origin not allowed: }).
     *
     * @param origin     the request's {@code Origin}, else its {@code Sec-WebSocket-Origin}; null for neither
     * @param host       the request's {@code Host}
     * @param secure     whether the request came over TLS
     */
    String refusal(String origin, String host, boolean secure) {
        if (!sameOrigin && allowed.isEmpty() || origin == null || origin.isEmpty()) {
            return null;
        }
        URI uri;
        HostPort from;
        try {
            uri = new URI(origin);
            if (!uri.isAbsolute() && !origin.startsWith("/")) {
                return "parse " + quoted(origin) + ": invalid URI for request";
            }
            from = HostPort.of("https".equals(uri.getScheme()), uri.getRawAuthority() == null ? ""
                    : uri.getRawAuthority());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "parse " + quoted(origin) + ": invalid URI for request";
        }
        if (sameOrigin) {
            HostPort request;
            try {
                request = HostPort.of(secure, host);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            if (!from.equals(request)) {
                return "not same origin";
            }
        }
        if (!allowed.isEmpty()) {
            Allowed entry = allowed.get(from.host());
            if (entry == null || !entry.scheme().equals(uri.getScheme()) || !entry.port().equals(from.port())) {
                return "not in the allowed list";
            }
        }
        return null;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** Go's {@code wsGetHostAndPort}: the host in lower case, the port or the scheme's default. */
    record HostPort(String host, String port) {

        static HostPort of(boolean tls, String hostPort) {
            String text = hostPort == null ? "" : hostPort;
            String host;
            String port;
            if (text.startsWith("[")) {
                int end = text.indexOf(']');
                if (end < 0) {
                    throw new IllegalArgumentException("address " + text + ": missing ']' in address");
                }
                host = text.substring(1, end);
                port = end + 1 < text.length() && text.charAt(end + 1) == ':' ? text.substring(end + 2) : null;
            } else {
                int colon = text.lastIndexOf(':');
                if (colon >= 0 && text.indexOf(':') != colon) {
                    throw new IllegalArgumentException("address " + text + ": too many colons in address");
                }
                host = colon < 0 ? text : text.substring(0, colon);
                port = colon < 0 ? null : text.substring(colon + 1);
            }
            if (port == null) {
                port = tls ? "443" : "80";
            }
            return new HostPort(host.toLowerCase(Locale.ROOT), port);
        }
    }
}
