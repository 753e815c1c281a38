package io.natrium.adapter.monitor;

import io.natrium.domain.text.GoFloats;
import io.natrium.domain.text.GoStrings;
import io.natrium.domain.text.GoTimes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
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

/**
 * JSON as Go's encoding/json writes it: {@code MarshalIndent} with two spaces ({@code "key": value}, {@code []} and
 * {@code {}} when empty, no trailing newline) or compact {@code Marshal}; snake_case names from record components;
 * {@code <}, {@code >} and {@code &} escaped as {@code \u003c}, {@code \u003e}, {@code \u0026}; times in RFC 3339
 * with nanoseconds; floats in Go's shortest form; map keys sorted.
 */
final class GoJson {

    private static final ObjectWriter PRETTY;
    private static final ObjectWriter COMPACT;

    static {
        SimpleModule goFormats = new SimpleModule("go-formats");
        goFormats.addSerializer(Instant.class, new InstantSerializer());
        goFormats.addSerializer(Double.class, new DoubleSerializer());
        goFormats.addSerializer(double.class, new DoubleSerializer());
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .addModule(goFormats)
                .build();
        mapper.getFactory().setCharacterEscapes(new GoEscapes());
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
     * Go's escapes ({@link GoStrings#jsonEscape}) instead of Jackson's: the HTML characters and the line and paragraph
     * separators escaped, backspace and form feed as Unicode escapes rather than {@code \b} and {@code \f}, lowercase
     * hex digits.
     */
    private static final class GoEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        private final int[] ascii = new int[0x80];
        private final SerializableString[] asciiSequences = new SerializableString[0x80];

        GoEscapes() {
            for (int c = 0; c < ascii.length; c++) {
                String escape = GoStrings.jsonEscape(c);
                if (escape != null) {
                    ascii[c] = ESCAPE_CUSTOM;
                    asciiSequences[c] = new SerializedString(escape);
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch < asciiSequences.length) {
                return asciiSequences[ch];
            }
            String escape = GoStrings.jsonEscape(ch);
            return escape == null ? null : new SerializedString(escape);
        }
    }

    private static final class InstantSerializer extends StdSerializer<Instant> {

        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(GoTimes.rfc3339Nano(value));
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
