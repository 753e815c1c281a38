package io.natrium.domain.auth;

/**
 * Why a CONNECT was refused. The client always gets {@code -ERR 'Authorization Violation'} and is closed; the reason
 * is for the server's debug log (it never holds a secret) and picks the close reason.
 */
public enum Rejection {
    UNKNOWN_NKEY("no user has this nkey"),
    UNKNOWN_USER("no user has this name"),
    CONNECTION_TYPE_NOT_ALLOWED("the user may not use this kind of connection"),
    SIGNATURE_MISSING("Signature missing"),
    SIGNATURE_NOT_BASE64("Signature not valid base64"),
    SIGNATURE_NOT_VERIFIED("Signature not verified"),
    WRONG_PASSWORD("password does not match"),
    WRONG_TOKEN("token does not match"),
    NO_MATCHING_CREDENTIALS("no credentials for the configured authentication"),
    NO_CERTIFICATE_USER("no user found from the TLS certificate"),
    PROXY_REQUIRED("proxy connection required"),
    // Operator mode, in nats-server's words (its debug lines, or error lines where marked).
    JWT_REQUIRED("Authentication requires a user JWT"),
    USER_JWT_INVALID("User JWT not valid"),
    USER_JWT_NO_LONGER_VALID("User JWT no longer valid"),
    /** {@code Account <key> not listed as operator pinned account}: the detail is the account. */
    ACCOUNT_NOT_PINNED("not listed as operator pinned account"),
    ACCOUNT_LOOKUP_FAILED("Account JWT lookup error"),
    ACCOUNT_NOT_TRUSTED("Account JWT not signed by trusted operator"),
    USER_ISSUER_UNKNOWN("User JWT issuer is not known"),
    SCOPED_USER_INVALID("User JWT is not valid"),
    SCOPED_TEMPLATE_INVALID("User JWT generated invalid permissions"),
    ACCOUNT_EXPIRED("Account JWT has expired"),
    BEARER_NOT_ALLOWED("Account does not allow bearer token"),
    USER_NKEY_INVALID("User nkey not valid"),
    USER_REVOKED("User authentication revoked"),
    /** An error line in nats-server: {@code Bad src Ip <host>}. */
    SOURCE_NOT_ALLOWED("Bad src Ip"),
    /** An error line in nats-server. */
    OUTSIDE_CONNECT_TIMES("Outside connect times");

    private final String description;

    Rejection(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for the refusals nats-server logs as errors rather than debug lines. */
    public boolean loggedAsError() {
        return this == SOURCE_NOT_ALLOWED || this == OUTSIDE_CONNECT_TIMES;
    }

    /**
     * True when the connection closes as "Proxy Required" rather than "Authentication Failure" (nats-server's
     * {@code getAuthErrClosedState}).
     */
    public boolean closesAsProxyRequired() {
        return this == PROXY_REQUIRED;
    }
}
