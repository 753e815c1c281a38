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
    PROXY_REQUIRED("proxy connection required");

    private final String description;

    Rejection(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * True when the connection closes as "Proxy Required" rather than "Authentication Failure" (nats-server's
     * {@code getAuthErrClosedState}).
     */
    public boolean closesAsProxyRequired() {
        return this == PROXY_REQUIRED;
    }
}
