package io.natrium.adapter.monitor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's target read as nats-server's Go HTTP server reads it: {@code url.ParseRequestURI}, whose failure (a
 * path with a broken {@code %} escape, a control character, no leading slash) is {@code 400 Bad Request}, then
 * {@code URL.Query()}, which drops each query pair it cannot decode, or that holds a semicolon, and keeps the rest.
 *
 * @param path       the decoded path
 * @param parameters the query parameters Go keeps, each with its values in order
 * @param semicolon  true when the raw query holds a semicolon, which Go's server logs a complaint about
 */
record RequestTarget(String path, Map<String, List<String>> parameters, boolean semicolon) {

    /** Go's server log line for a query with a semicolon, behind nats-server's {@code monitoring: } prefix. */
    static final String SEMICOLON_COMPLAINT = "URL query contains semicolon, which is no longer a supported "
            + "separator; parts of the query may be stripped when parsed; see golang.org/issue/25192";

    /** The asterisk form ({@code OPTIONS * HTTP/1.1}), which Go reads as the path {@code *}. */
    static final String ASTERISK = "*";

    RequestTarget {
        parameters = Map.copyOf(parameters);
    }

    /** The target, or null when Go's server answers {@code 400 Bad Request} without reaching a handler. */
    static RequestTarget parse(String uri) {
        if (uri.isEmpty() || hasControlCharacter(uri)) {
            return null;
        }
        if (uri.equals(ASTERISK)) {
            return new RequestTarget(ASTERISK, Map.of(), false);
        }
        String rest = withoutSchemeAndAuthority(uri);
        if (rest == null) {
            return null;
        }
        String rawQuery = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            rawQuery = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String path = unescape(rest, false);
        if (path == null) {
            return null;
        }
        return new RequestTarget(path, query(rawQuery), rawQuery.indexOf(';') >= 0);
    }

    /**
     * The origin form ({@code /varz?x}) as it is; the absolute form ({@code http://host/varz?x}) without its scheme
     * and authority; null for anything else, which Go refuses as {@code invalid URI for request}.
     */
    private static String withoutSchemeAndAuthority(String uri) {
        if (uri.charAt(0) == '/') {
            return uri;
        }
        int colon = schemeEnd(uri);
        if (colon < 0 || !uri.startsWith("//", colon + 1)) {
            return null;
        }
        String afterScheme = uri.substring(colon + 3);
        int end = afterScheme.length();
        for (int i = 0; i < afterScheme.length(); i++) {
            char c = afterScheme.charAt(i);
            if (c == '/' || c == '?') {
                end = i;
                break;
            }
        }
        String rest = afterScheme.substring(end);
        return rest.startsWith("/") ? rest : "/" + rest;
    }

    /** Where a Go URL scheme ends (its colon), or -1 when there is none. */
    private static int schemeEnd(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if ((c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') && i > 0) {
                continue;
            }
            return c == ':' && i > 0 ? i : -1;
        }
        return -1;
    }

    /** Go's {@code url.ParseQuery}, errors ignored as {@code URL.Query()} ignores them. */
    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.indexOf(';') >= 0) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = unescape(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : unescape(pair.substring(equals + 1), true);
            if (key != null && value != null) {
                parameters.computeIfAbsent(key, name -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    /**
     * Go's {@code unescape}: {@code %XX} to its byte, and {@code +} to a space in a query; null when a {@code %} is
     * not followed by two hex digits. The bytes are read as UTF-8.
     */
    private static String unescape(String text, boolean query) {
        if (text.indexOf('%') < 0 && (!query || text.indexOf('+') < 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = hex(text.charAt(i + 1));
                int low = hex(text.charAt(i + 2));
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                // The request line reaches here one char per byte.
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** An ASCII hex digit's value, -1 for anything else. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Go refuses a URL holding an ASCII control character. */
    private static boolean hasControlCharacter(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < ' ' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
