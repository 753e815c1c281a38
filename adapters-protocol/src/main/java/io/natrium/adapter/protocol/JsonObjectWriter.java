package io.natrium.adapter.protocol;

import io.natrium.domain.text.GoStrings;

import java.util.List;

/**
 * A compact JSON object writer for the few value types INFO has, as Go's encoder writes them. Where the bytes go is
 * left to the subclass: a client's pending buffer ({@link ByteBufJsonWriter}), or an array
 * ({@link ArrayJsonWriter}) for an INFO written before Netty is loaded.
 */
abstract class JsonObjectWriter {

    private boolean first = true;

    /** Writes one byte. */
    abstract void write(int b);

    /** Writes characters known to be ASCII. */
    abstract void writeAscii(String text);

    /** Writes any text as UTF-8. */
    abstract void writeUtf8(String text);

    /** Writes a non-negative number in decimal. */
    abstract void writeDecimal(long value);

    final void start() {
        write('{');
    }

    final void string(String name, String value) {
        name(name);
        quote(value == null ? "" : value);
    }

    final void optional(String name, String value) {
        if (value != null && !value.isEmpty()) {
            string(name, value);
        }
    }

    final void number(String name, long value) {
        name(name);
        if (value < 0) {
            write('-');
        }
        writeDecimal(Math.abs(value));
    }

    final void bool(String name, boolean value) {
        name(name);
        writeAscii(value ? "true" : "false");
    }

    final void optional(String name, boolean value) {
        if (value) {
            bool(name, true);
        }
    }

    final void optional(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        name(name);
        write('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                write(',');
            }
            quote(values.get(i));
        }
        write(']');
    }

    final void finish() {
        write('}');
    }

    private void name(String name) {
        if (!first) {
            write(',');
        }
        first = false;
        write('"');
        writeAscii(name);
        write('"');
        write(':');
    }

    /** Most values (ids, versions, hosts) need no escape and are written as they are; others as Go escapes. */
    private void quote(String value) {
        if (plainAscii(value)) {
            write('"');
            writeAscii(value);
            write('"');
        } else {
            writeUtf8(GoStrings.jsonString(value));
        }
    }

    private static boolean plainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || GoStrings.jsonEscape(c) != null) {
                return false;
            }
        }
        return true;
    }
}
