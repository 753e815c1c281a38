package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A verified JWT's claims as nats-server shows them (/accountz {@code decoded_jwt}, /varz
 * {@code trusted_operators_claim}) and as the JWT library writes a token: the payload read into the library's Go
 * structs and written back by {@code encoding/json}. So fields come in struct order, unknown ones are dropped, empty
 * {@code omitempty} fields are left out, nested structs are always written, map keys are sorted and the library's
 * own marshalers apply (export types, {@code "headers"} sampling, signing keys as a list). The tree holds ordered
 * maps, lists, strings, {@code Long}s and {@code Boolean}s, for a JSON writer that escapes strings as Go does.
 *
 * <p>Signing keys are written in the token's order; the library writes them in Go's random map order.
 */
public final class GoClaimsJson {

    private GoClaimsJson() {
    }

    /** The claims of {@code token}, which must decode and verify. */
    public static Map<String, Object> of(String token) {
        Claims claims = JwtDecoder.decode(token);
        String payload = new String(Base64.getUrlDecoder().decode(
                token.split("\\.", -1)[1].replace("\r", "").replace("\n", "")), UTF_8);
        return of(claims.type(), Json.parse(payload));
    }

    /** The payload {@code claims} (a parsed JSON object) as the struct of a claim of {@code type} writes it. */
    static Map<String, Object> of(String type, Object claims) {
        Shape.Struct nats = switch (type) {
            case ClaimTypes.OPERATOR -> GoClaimShapes.OPERATOR;
            case ClaimTypes.ACCOUNT -> GoClaimShapes.ACCOUNT;
            case ClaimTypes.USER -> GoClaimShapes.USER;
            case ClaimTypes.ACTIVATION -> GoClaimShapes.ACTIVATION;
            default -> null;
        };
        Map<String, Object> written = struct(GoClaimShapes.CLAIMS_DATA, claims);
        Object section = JsonFields.of(claims, "").raw("nats");
        if (nats == null) {
            // The generic claims keep their section as Go's map[string]interface{}: keys sorted, nothing dropped.
            if (section instanceof Map<?, ?> map && !map.isEmpty()) {
                written.put("nats", any(section));
            }
        } else {
            written.put("nats", struct(nats, section));
        }
        return written;
    }

    private static Map<String, Object> struct(Shape.Struct shape, Object value) {
        JsonFields fields = value instanceof Map ? JsonFields.of(value, "") : JsonFields.of(null, "");
        Map<String, Object> written = new LinkedHashMap<>();
        for (Shape.Field field : shape.fields()) {
            Object read = value(field.shape(), fields.raw(field.name()));
            if (!(field.omitEmpty() && isEmpty(field.shape(), read))) {
                written.put(field.name(), read);
            }
        }
        return written;
    }

    /** The value Go writes for {@code json} read into a field of {@code shape}; null for a nil pointer. */
    private static Object value(Shape shape, Object json) {
        if (shape instanceof Shape.Scalar scalar) {
            return scalar(scalar, json);
        }
        if (shape instanceof Shape.Struct struct) {
            return struct(struct, json);
        }
        if (shape instanceof Shape.Pointer pointer) {
            return json instanceof Map ? struct(pointer.target(), json) : null;
        }
        if (shape instanceof Shape.ListOf list) {
            List<Object> items = new ArrayList<>();
            if (json instanceof List<?> values) {
                for (Object item : values) {
                    items.add(value(list.element(), item));
                }
            }
            return items;
        }
        Shape.MapOf map = (Shape.MapOf) shape;
        Map<String, Object> entries = new TreeMap<>();
        if (json instanceof Map<?, ?> values) {
            values.forEach((key, item) -> entries.put((String) key, value(map.element(), item)));
        }
        return new LinkedHashMap<>(entries);
    }

    private static Object scalar(Shape.Scalar scalar, Object json) {
        return switch (scalar) {
            case STRING -> json instanceof String text ? text : "";
            case INT -> json instanceof JsonNumber number && number.asLong() != null ? number.asLong() : 0L;
            case BOOL -> Boolean.TRUE.equals(json);
            case STRINGS -> strings(json);
            case CIDRS -> json instanceof String list ? UserPermissionLimits.sourceList(list) : strings(json);
            // The library writes an unknown export type as nothing: its zero value, left out as empty.
            case EXPORT_TYPE -> json instanceof String type
                    && (type.equals(ExportTypes.STREAM) || type.equals(ExportTypes.SERVICE)) ? type : "";
            case SAMPLING -> sampling(json);
            case SCOPE_KIND -> "user_scope";
            case SIGNING_KEYS -> signingKeys(json);
        };
    }

    private static List<Object> strings(Object json) {
        List<Object> items = new ArrayList<>();
        if (json instanceof List<?> values) {
            for (Object item : values) {
                items.add(item instanceof String text ? text : "");
            }
        }
        return items;
    }

    /** {@code "headers"} (any case) or 0 is written {@code "headers"}; a percentage as its number. */
    private static Object sampling(Object json) {
        if (json instanceof JsonNumber number && number.asLong() != null && number.asLong() != 0) {
            return number.asLong();
        }
        return "headers";
    }

    private static List<Object> signingKeys(Object json) {
        List<Object> keys = new ArrayList<>();
        if (json instanceof List<?> values) {
            for (Object item : values) {
                if (item instanceof String key) {
                    keys.add(key);
                } else if (item instanceof Map) {
                    keys.add(struct(GoClaimShapes.USER_SCOPE, item));
                }
            }
        }
        return keys;
    }

    /** A value of Go's {@code interface{}}: objects with sorted keys, numbers as float64s. */
    private static Object any(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, value) -> sorted.put((String) key, any(value)));
            return new LinkedHashMap<>(sorted);
        }
        if (json instanceof List<?> list) {
            return list.stream().map(GoClaimsJson::any).toList();
        }
        if (json instanceof JsonNumber number) {
            // Go reads any number into a float64: integers stay exact up to 2^53.
            Long whole = number.asLong();
            if (whole != null && Math.abs(whole) <= 1L << 53) {
                return whole;
            }
            double value = Double.parseDouble(number.literal());
            if (Double.isInfinite(value)) {
                throw new JwtException("json: cannot unmarshal number " + number.literal()
                        + " into Go value of type float64");
            }
            return value;
        }
        return json;
    }

    /** Go's {@code omitempty}: false, 0, "", empty lists and maps, a nil pointer; never a struct. */
    private static boolean isEmpty(Shape shape, Object value) {
        if (shape instanceof Shape.Struct) {
            return false;
        }
        return value == null || Boolean.FALSE.equals(value) || Long.valueOf(0).equals(value) || "".equals(value)
                || value instanceof List<?> list && list.isEmpty() || value instanceof Map<?, ?> map && map.isEmpty();
    }
}
