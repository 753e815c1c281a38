package io.natrium.domain.jwt;

/** The {@code type} of exports and imports: {@code stream} or {@code service}; absent is "". */
final class ExportTypes {

    static final String STREAM = "stream";
    static final String SERVICE = "service";

    private ExportTypes() {
    }

    static String read(JsonFields holder) {
        Object value = holder.raw("type");
        if (value == null) {
            return "";
        }
        String type = holder.string("type");
        if (!type.equals(STREAM) && !type.equals(SERVICE)) {
            throw new JwtException("unknown export type \"" + type + "\"");
        }
        return type;
    }
}
