package io.natrium.domain.auth;

/**
 * Operator mode's decision on a CONNECT: the client's user JWT, its signature of the nonce, the account the JWT
 * names. Implemented where the JWT claims live; the {@link Authenticator} hands every CONNECT to it when set.
 */
@FunctionalInterface
public interface UserJwtAuthentication {

    /**
     * @param credentials what the client sent, with its address
     * @param type        the kind of connection
     * @param nonce       the nonce sent in INFO
     */
    AuthDecision authenticate(ClientCredentials credentials, ConnectionType type, String nonce);
}
