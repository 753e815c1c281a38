package io.natrium.adapter.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Blanks the values of a CONNECT's secret fields by reading it as JSON, as the server decodes it: keys in any case
 * or escaped ({@code "PASS"}, {@code "p\u0061ss"}) and string values holding quotes, commas or braces, which
 * nats-server's trace patterns, matching text, leave partly visible. What was read before invalid JSON is still
 * blanked; the patterns run afterwards either way.
 */
final class ConnectSecrets {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String REDACTED = "[REDACTED]";

    private ConnectSecrets() {
    }

    static String redact(String json) {
        List<int[]> spans = secretSpans(json);
        if (spans.isEmpty()) {
            return json;
        }
        StringBuilder redacted = new StringBuilder(json.length());
        int copied = 0;
        for (int[] span : spans) {
            redacted.append(json, copied, span[0]).append(REDACTED);
            copied = span[1];
        }
        return redacted.append(json, copied, json.length()).toString();
    }

    /** The ranges of secret values in order: a string's contents, or a whole other value. */
    private static List<int[]> secretSpans(String json) {
        List<int[]> spans = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME || !secret(parser.currentName())) {
                    continue;
                }
                JsonToken value = parser.nextToken();
                int start = (int) parser.currentTokenLocation().getCharOffset();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    // Strings are read lazily: read it to its closing quote, so that the location is after it.
                    parser.getText();
                }
                int end = (int) parser.currentLocation().getCharOffset();
                if (value == JsonToken.VALUE_STRING) {
                    spans.add(new int[] {start + 1, end - 1});
                } else if (value != null) {
                    spans.add(new int[] {start, end});
                }
            }
        } catch (IOException e) {
            // Not JSON from here on: the spans found so far stand, the trace patterns do the rest.
        }
        return spans;
    }

    /** The fields nats-server's trace patterns redact: {@code pass*}, {@code auth_token*}, sig, proxy_sig, nkey. */
    private static boolean secret(String field) {
        String key = field.toLowerCase(Locale.ROOT);
        return key.startsWith("pass") || key.startsWith("auth_token") || key.equals("sig")
                || key.equals("proxy_sig") || key.equals("nkey");
    }
}
