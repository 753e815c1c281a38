package io.natrium.adapter.monitor;

import io.natrium.adapter.json.GoCharacterEscapes;
import io.natrium.domain.subject.Utf8;
import io.natrium.domain.text.GoFloats;
import io.natrium.domain.text.GoTimes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * JSON as Go's encoding/json writes it: {@code MarshalIndent} with two spaces ({@code "key": value}, {@code []} and
 * {@code {}} when empty, no trailing newline) or compact {@code Marshal}; snake_case names from record components;
 * {@code <}, {@code >} and {@code &} escaped as {@code \u003c}, {@code \u003e}, {@code \u0026}; times in RFC 3339
 * with nanoseconds (in UTC, or an {@link OffsetDateTime}'s offset); floats in Go's shortest form; map keys sorted.
 */
final class GoJson {

    private static final ObjectWriter PRETTY;
    private static final ObjectWriter COMPACT;

    static {
        SimpleModule goFormats = new SimpleModule("go-formats");
        goFormats.addSerializer(String.class, new TextSerializer());
        goFormats.addSerializer(Instant.class, new FormattedSerializer<>(Instant.class, GoTimes::rfc3339Nano));
        // A time Go holds in a zone (time.Unix's, in time.Local) keeps that zone's wall clock and offset.
        goFormats.addSerializer(OffsetDateTime.class, new FormattedSerializer<>(OffsetDateTime.class,
                time -> GoTimes.rfc3339Nano(time.toInstant(), time.getOffset())));
        goFormats.addSerializer(Double.class, new DoubleSerializer());
        goFormats.addSerializer(double.class, new DoubleSerializer());
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .addModule(goFormats)
                .build();
        mapper.getFactory().setCharacterEscapes(new GoCharacterEscapes());
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        PRETTY = mapper.writer(printer);
        COMPACT = mapper.writer();
    }

    private GoJson() {
    }

    /** {@code json.MarshalIndent(value, "", "  ")}. */
    static byte[] indented(Object value) {
        return write(PRETTY, value);
    }

    /** {@code json.Marshal(value)}. */
    static byte[] compact(Object value) {
        return write(COMPACT, value);
    }

    private static byte[] write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Go writes a byte that is not UTF-8 as U+FFFD. Subjects, queues and sids keep a client's such bytes as
     * characters of their own ({@code Utf8.decodeKeepingBytes}); here they become U+FFFD again.
     */
    private static final class TextSerializer extends StdSerializer<String> {

        private static final long serialVersionUID = 1L;

        TextSerializer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(Utf8.replaceKeptBytes(value));
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, String value) {
            return value == null || value.isEmpty();
        }
    }

    /** A value Go writes as the string {@code format} gives. */
    private static final class FormattedSerializer<T> extends StdSerializer<T> {

        private static final long serialVersionUID = 1L;

        private final transient Function<T, String> format;

        FormattedSerializer(Class<T> type, Function<T, String> format) {
            super(type);
            this.format = format;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format.apply(value));
        }
    }

    private static final class DoubleSerializer extends StdSerializer<Double> {

        private static final long serialVersionUID = 1L;

        DoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeNumber(GoFloats.json(value));
        }
    }
}
