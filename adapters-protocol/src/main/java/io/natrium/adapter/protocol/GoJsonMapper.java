package io.natrium.adapter.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson set up to accept the JSON that Go's {@code encoding/json} accepts, for the INFO JSON a client may send,
 * which nats-server decodes with it. Jackson's defaults are stricter than Go's: they allow a nesting depth of 1,000
 * (Go's limit is 10,000) and names of 50,000 characters (Go has no limit). With those defaults, Natrium would close
 * connections that nats-server keeps. (CONNECT is read token by token, see {@link ConnectJson}.)
 *
 * <p>Numbers are the exception. Jackson converts every integer it reads into a tree, and that conversion takes time
 * quadratic in the number of digits (a million digits take tens of seconds on an event loop). Go skips unknown
 * fields without converting them. So integers stay limited to 4,096 digits, which is as long as the default
 * {@code max_control_line} lets a number be: only a server configured with a longer control line can tell the
 * difference.
 */
final class GoJsonMapper {

    /** Go's {@code maxNestingDepth}: one more open object or array is "exceeded max depth". */
    static final int MAX_DEPTH = 10_000;
    /** The default {@code max_control_line}, so no number a default server reads is refused. */
    static final int MAX_NUMBER_LENGTH = 4096;

    private GoJsonMapper() {
    }

    /** A mapper that reads one JSON value and fails on anything after it, as Go's {@code json.Unmarshal} does. */
    static ObjectMapper create() {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNameLength(Integer.MAX_VALUE)
                .maxStringLength(Integer.MAX_VALUE)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build();
        return new ObjectMapper(JsonFactory.builder().streamReadConstraints(limits).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
