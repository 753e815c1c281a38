package io.natrium.domain.jwt;

import java.util.ArrayList;
import java.util.List;

/** The Go type of a JWT field, as far as {@code encoding/json} and the JWT library's marshalers tell them apart. */
sealed interface Shape permits Shape.Scalar, Shape.Struct, Shape.Pointer, Shape.ListOf, Shape.MapOf {

    /** Leaf types, with the library's custom marshalers among them. */
    enum Scalar implements Shape {
        STRING, INT, BOOL, STRINGS,
        /** {@code CIDRList}: a list, or a comma-separated string read as lower-cased, trimmed, unique entries. */
        CIDRS,
        /** {@code ExportType}: {@code "stream"}, {@code "service"}, else the zero value. */
        EXPORT_TYPE,
        /** {@code SamplingRate}: a percentage, or 0 written {@code "headers"}. */
        SAMPLING,
        /** {@code ScopeType}: only {@code "user_scope"} exists. */
        SCOPE_KIND,
        /** {@code SigningKeys}: keys and {@code UserScope}s, written as one list. */
        SIGNING_KEYS
    }

    /** A struct; embedded structs are flattened into the fields of the struct that embeds them. */
    record Struct(List<Field> fields) implements Shape {

        public Struct {
            fields = List.copyOf(fields);
        }

        static Struct of(Object... parts) {
            List<Field> fields = new ArrayList<>();
            for (Object part : parts) {
                if (part instanceof Struct embedded) {
                    fields.addAll(embedded.fields());
                } else {
                    fields.add((Field) part);
                }
            }
            return new Struct(fields);
        }
    }

    /** A pointer to a struct: null is written {@code null}, or left out under {@code omitempty}. */
    record Pointer(Struct target) implements Shape {
    }

    record ListOf(Shape element) implements Shape {
    }

    /** A map with string keys, written with its keys sorted. */
    record MapOf(Shape element) implements Shape {
    }

    /** One field: its JSON name, its type, and whether {@code omitempty} drops it when empty. */
    record Field(String name, Shape shape, boolean omitEmpty) {

        static Field omitEmpty(String name, Shape shape) {
            return new Field(name, shape, true);
        }

        static Field always(String name, Shape shape) {
            return new Field(name, shape, false);
        }
    }
}
