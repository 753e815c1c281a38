package io.natrium.domain.jwt;

import io.natrium.domain.text.GoFloats;
import io.natrium.domain.text.GoStrings;

import java.util.List;
import java.util.Map;

/**
 * Compact JSON as Go's {@code json.Marshal} writes a tree of {@link GoClaimsJson}: maps in their order, strings with
 * Go's escapes, integers as they are.
 */
final class GoJsonWriter {

    private GoJsonWriter() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            GoStrings.appendJsonString(out, text);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                GoStrings.appendJsonString(out, (String) entry.getKey());
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Double number) {
            out.append(GoFloats.json(number));
        } else {
            out.append(value);
        }
    }
}
