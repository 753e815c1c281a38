package io.natrium.domain.jwt;

import java.util.List;

/** A decoded and signature-checked NATS JWT of one of the kinds nats-server knows. */
public sealed interface Claims permits OperatorClaims, AccountClaims, UserClaims, ActivationClaims,
        AuthorizationResponseClaims, GenericClaims {

    ClaimsData data();

    /** The {@code nats.type}: {@code operator}, {@code account}, {@code user}, {@code activation} or another. */
    String type();

    /** {@code nats.tags} as the JWT carries them. */
    List<String> tags();

    /** {@code nats.version}: 2 for every claim this decoder accepts. */
    int version();
}
