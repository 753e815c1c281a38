package io.natrium.adapter.websocket;

import io.natrium.application.settings.WebsocketCookieSettings;
import io.natrium.domain.auth.ClientCredentials;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.util.NetUtil;

import java.util.List;

/** What nats-server reads from a WebSocket upgrade request's headers, by its rules. */
final class UpgradeRequest {

    private static final String PERMESSAGE_DEFLATE = "permessage-deflate";

    private UpgradeRequest() {
    }

    /** Go's {@code wsHeaderContains}: some value of {@code name}, split at commas, has the token (any case). */
    static boolean headerContains(HttpHeaders headers, String name, String token) {
        for (String value : headers.getAll(name)) {
            for (String part : value.split(",", -1)) {
                if (trim(part).equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the client offers permessage-deflate, whatever its parameters (nats-server looks no further). */
    static boolean offersDeflate(HttpHeaders headers) {
        for (String value : headers.getAll("Sec-WebSocket-Extensions")) {
            for (String extension : value.split(",", -1)) {
                for (String parameter : trim(extension).split(";", -1)) {
                    if (trim(parameter).equalsIgnoreCase(PERMESSAGE_DEFLATE)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The first {@code X-Forwarded-For} value when it is an IP address, else null (nats-server's rule). */
    static String forwardedFor(HttpHeaders headers) {
        List<String> values = headers.getAll("X-Forwarded-For");
        if (values.isEmpty()) {
            return null;
        }
        String first = values.get(0);
        return NetUtil.isValidIpV4Address(first) || NetUtil.isValidIpV6Address(first) ? first : null;
    }

    /** The credentials of the configured cookies present in the request; none when no cookie is configured. */
    static ClientCredentials cookies(HttpHeaders headers, WebsocketCookieSettings names) {
        if (names.jwt() == null && names.user() == null && names.password() == null && names.token() == null) {
            return ClientCredentials.none();
        }
        String jwt = null;
        String user = null;
        String password = null;
        String token = null;
        for (String header : headers.getAll("Cookie")) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(header)) {
                String name = cookie.name();
                if (name.equals(names.jwt())) {
                    jwt = cookie.value();
                } else if (name.equals(names.user())) {
                    user = cookie.value();
                } else if (name.equals(names.password())) {
                    password = cookie.value();
                } else if (name.equals(names.token())) {
                    token = cookie.value();
                }
            }
        }
        return new ClientCredentials(user, password, token, "", "", jwt);
    }

    /** nats-server's guess that a browser is at the other end, which gets smaller frames. */
    static boolean fromBrowser(HttpHeaders headers) {
        String agent = headers.get("User-Agent");
        return agent != null && agent.startsWith("Mozilla/");
    }

    /**
     * Whether a browser takes a compressed message in fragments: nats-server sends Safari (a user agent with
     * {@code Version/} and {@code Safari/}) each one whole.
     */
    static boolean takesCompressedFragments(HttpHeaders headers) {
        String agent = headers.get("User-Agent");
        return fromBrowser(headers) && !(agent.contains("Version/") && agent.contains("Safari/"));
    }

    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }
}
