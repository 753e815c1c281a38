package io.natrium.domain.jwt;

import java.time.Duration;

/**
 * One of an account JWT's {@code exports}: a {@code stream} or {@code service} subject, whether importers need an
 * activation token ({@code token_req}) and which activations are revoked, a service's response type, threshold and
 * latency sampling ({@code sampling} is a percentage or {@code headers}, null {@code latencyResults} when none), and
 * the subject token that must be the importer's account ({@code account_token_position}, 0 for none).
 */
public record Export(String name, String subject, String type, boolean tokenRequired, Revocations revocations,
        String responseType, Duration responseThreshold, String latencySampling, String latencyResults,
        long accountTokenPosition, boolean advertise, String description, String infoUrl) {

    private static final String HEADERS = "headers";

    static Export read(Object value, String path) {
        JsonFields export = JsonFields.of(value, path);
        String sampling = null;
        String results = null;
        if (export.has("service_latency")) {
            JsonFields latency = export.object("service_latency");
            sampling = sampling(latency.raw("sampling"), latency.name("sampling"));
            results = latency.string("results");
        }
        return new Export(export.string("name"), export.string("subject"), ExportTypes.read(export),
                export.bool("token_req"), Revocations.read(export, "revocations"), export.string("response_type"),
                Duration.ofNanos(export.int64("response_threshold")), sampling, results,
                JsonFields.integer(export.raw("account_token_position"), export.name("account_token_position"), 0,
                        Long.MAX_VALUE, "uint"),
                export.bool("advertise"), export.string("description"), export.string("info_url"));
    }

    /**
     * The library's {@code SamplingRate}: {@code "headers"} in any case, or a number, where 0 also means headers;
     * any other string is no number to Go.
     */
    private static String sampling(Object rate, String path) {
        if (rate instanceof String text) {
            if (!text.equalsIgnoreCase(HEADERS)) {
                // The library's unmarshaler reads it into a plain int, so Go names no field.
                throw new JwtException("json: cannot unmarshal string into Go value of type int");
            }
            return HEADERS;
        }
        long percentage = JsonFields.integer(rate, path, 0, 100, "SamplingRate");
        return percentage == 0 ? HEADERS : String.valueOf(percentage);
    }

    public boolean isService() {
        return type.equals(ExportTypes.SERVICE);
    }
}
