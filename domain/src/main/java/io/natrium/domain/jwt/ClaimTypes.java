package io.natrium.domain.jwt;

/** The {@code nats.type} values. */
final class ClaimTypes {

    static final String OPERATOR = "operator";
    static final String ACCOUNT = "account";
    static final String USER = "user";
    static final String ACTIVATION = "activation";

    private ClaimTypes() {
    }
}
