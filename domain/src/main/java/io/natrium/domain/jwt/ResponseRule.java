package io.natrium.domain.jwt;

import java.time.Duration;

/** A JWT's {@code resp}: how many replies ({@code max}) may go to a requestor's reply subject, for how long. */
public record ResponseRule(int maxMessages, Duration expires) {

    static ResponseRule read(Object value, String path) {
        if (value == null) {
            return null;
        }
        JsonFields resp = JsonFields.of(value, path);
        int max = (int) JsonFields.integer(resp.raw("max"), resp.name("max"), Integer.MIN_VALUE, Integer.MAX_VALUE,
                "int");
        return new ResponseRule(max, Duration.ofNanos(resp.int64("ttl")));
    }
}
