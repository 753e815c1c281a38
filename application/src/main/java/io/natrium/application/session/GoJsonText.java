package io.natrium.application.session;

import io.natrium.domain.subject.Utf8;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** JSON text as Go's encoder writes it, for the few messages the server itself publishes. */
final class GoJsonText {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int NANO_DIGITS = 9;

    private GoJsonText() {
    }

    /**
     * A JSON string as Go's encoder writes it: newline, return and tab as their short escapes; other controls, the
     * HTML characters and the JavaScript line separators as Unicode escapes.
     */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Utf8.isKeptByte(text, i)) {
                // Go's encoder writes a byte that is not UTF-8 as an escaped replacement character.
                json.append("\\ufffd");
                continue;
            }
            switch (c) {
                case '"', '\\' -> json.append('\\').append(c);
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** A {@code time.Time} in UTC, quoted: RFC 3339 with nanoseconds, trailing zeros left out. */
    static String time(Instant instant) {
        StringBuilder text = new StringBuilder("\"").append(DATE_TIME.format(instant));
        int nanos = instant.getNano();
        if (nanos > 0) {
            String digits = String.format("%09d", nanos);
            int end = NANO_DIGITS;
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            text.append('.').append(digits, 0, end);
        }
        return text.append("Z\"").toString();
    }
}
