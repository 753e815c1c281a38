package io.natrium.domain.jwt;

import static io.natrium.domain.jwt.Shape.Field.always;
import static io.natrium.domain.jwt.Shape.Field.omitEmpty;
import static io.natrium.domain.jwt.Shape.Scalar.BOOL;
import static io.natrium.domain.jwt.Shape.Scalar.CIDRS;
import static io.natrium.domain.jwt.Shape.Scalar.EXPORT_TYPE;
import static io.natrium.domain.jwt.Shape.Scalar.INT;
import static io.natrium.domain.jwt.Shape.Scalar.SAMPLING;
import static io.natrium.domain.jwt.Shape.Scalar.SCOPE_KIND;
import static io.natrium.domain.jwt.Shape.Scalar.SIGNING_KEYS;
import static io.natrium.domain.jwt.Shape.Scalar.STRING;
import static io.natrium.domain.jwt.Shape.Scalar.STRINGS;

/** The structs of the JWT library (nats-io/jwt v2.3.0, nats-server 2.9.10's), field by field in Go's order. */
final class GoClaimShapes {

    static final Shape.Struct CLAIMS_DATA = Shape.Struct.of(omitEmpty("aud", STRING), omitEmpty("exp", INT),
            omitEmpty("jti", STRING), omitEmpty("iat", INT), omitEmpty("iss", STRING), omitEmpty("name", STRING),
            omitEmpty("nbf", INT), omitEmpty("sub", STRING));

    private static final Shape.Struct GENERIC_FIELDS = Shape.Struct.of(omitEmpty("tags", STRINGS),
            omitEmpty("type", STRING), omitEmpty("version", INT));
    private static final Shape.Struct INFO = Shape.Struct.of(omitEmpty("description", STRING),
            omitEmpty("info_url", STRING));

    private static final Shape.Struct PERMISSION = Shape.Struct.of(omitEmpty("allow", STRINGS),
            omitEmpty("deny", STRINGS));
    private static final Shape.Struct PERMISSIONS = Shape.Struct.of(omitEmpty("pub", PERMISSION),
            omitEmpty("sub", PERMISSION),
            omitEmpty("resp", new Shape.Pointer(Shape.Struct.of(always("max", INT), always("ttl", INT)))));
    private static final Shape.Struct NATS_LIMITS = Shape.Struct.of(omitEmpty("subs", INT), omitEmpty("data", INT),
            omitEmpty("payload", INT));
    private static final Shape.Struct USER_LIMITS = Shape.Struct.of(omitEmpty("src", CIDRS),
            omitEmpty("times", new Shape.ListOf(Shape.Struct.of(omitEmpty("start", STRING),
                    omitEmpty("end", STRING)))),
            omitEmpty("times_location", STRING));
    private static final Shape.Struct USER_PERMISSION_LIMITS = Shape.Struct.of(PERMISSIONS, USER_LIMITS, NATS_LIMITS,
            omitEmpty("bearer_token", BOOL), omitEmpty("allowed_connection_types", STRINGS));

    static final Shape.Struct USER_SCOPE = Shape.Struct.of(always("kind", SCOPE_KIND), always("key", STRING),
            always("role", STRING), always("template", USER_PERMISSION_LIMITS));

    private static final Shape.Struct JETSTREAM_LIMITS = Shape.Struct.of(omitEmpty("mem_storage", INT),
            omitEmpty("disk_storage", INT), omitEmpty("streams", INT), omitEmpty("consumer", INT),
            omitEmpty("max_ack_pending", INT), omitEmpty("mem_max_stream_bytes", INT),
            omitEmpty("disk_max_stream_bytes", INT), omitEmpty("max_bytes_required", BOOL));
    private static final Shape.Struct OPERATOR_LIMITS = Shape.Struct.of(NATS_LIMITS,
            Shape.Struct.of(omitEmpty("imports", INT), omitEmpty("exports", INT), omitEmpty("wildcards", BOOL),
                    omitEmpty("disallow_bearer", BOOL), omitEmpty("conn", INT), omitEmpty("leaf", INT)),
            JETSTREAM_LIMITS, omitEmpty("tiered_limits", new Shape.MapOf(JETSTREAM_LIMITS)));

    private static final Shape.Struct IMPORT = Shape.Struct.of(omitEmpty("name", STRING),
            omitEmpty("subject", STRING), omitEmpty("account", STRING), omitEmpty("token", STRING),
            omitEmpty("to", STRING), omitEmpty("local_subject", STRING), omitEmpty("type", EXPORT_TYPE),
            omitEmpty("share", BOOL));
    private static final Shape.Struct EXPORT = Shape.Struct.of(omitEmpty("name", STRING),
            omitEmpty("subject", STRING), omitEmpty("type", EXPORT_TYPE), omitEmpty("token_req", BOOL),
            omitEmpty("revocations", new Shape.MapOf(INT)), omitEmpty("response_type", STRING),
            omitEmpty("response_threshold", INT),
            omitEmpty("service_latency", new Shape.Pointer(Shape.Struct.of(always("sampling", SAMPLING),
                    always("results", STRING)))),
            omitEmpty("account_token_position", INT), omitEmpty("advertise", BOOL), INFO);
    private static final Shape.Struct WEIGHTED_MAPPING = Shape.Struct.of(always("subject", STRING),
            omitEmpty("weight", INT), omitEmpty("cluster", STRING));

    static final Shape.Struct ACCOUNT = Shape.Struct.of(omitEmpty("imports", new Shape.ListOf(IMPORT)),
            omitEmpty("exports", new Shape.ListOf(EXPORT)), omitEmpty("limits", OPERATOR_LIMITS),
            omitEmpty("signing_keys", SIGNING_KEYS), omitEmpty("revocations", new Shape.MapOf(INT)),
            omitEmpty("default_permissions", PERMISSIONS),
            omitEmpty("mappings", new Shape.MapOf(new Shape.ListOf(WEIGHTED_MAPPING))), INFO, GENERIC_FIELDS);

    static final Shape.Struct OPERATOR = Shape.Struct.of(omitEmpty("signing_keys", STRINGS),
            omitEmpty("account_server_url", STRING), omitEmpty("operator_service_urls", STRINGS),
            omitEmpty("system_account", STRING), omitEmpty("assert_server_version", STRING),
            omitEmpty("strict_signing_key_usage", BOOL), GENERIC_FIELDS);

    static final Shape.Struct USER = Shape.Struct.of(USER_PERMISSION_LIMITS, omitEmpty("issuer_account", STRING),
            GENERIC_FIELDS);

    static final Shape.Struct ACTIVATION = Shape.Struct.of(omitEmpty("subject", STRING),
            omitEmpty("kind", EXPORT_TYPE), omitEmpty("issuer_account", STRING), GENERIC_FIELDS);

    private GoClaimShapes() {
    }
}
