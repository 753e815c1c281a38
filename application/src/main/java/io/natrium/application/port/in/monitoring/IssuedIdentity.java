package io.natrium.application.port.in.monitoring;

import java.util.List;

/**
 * What /connz shows with {@code auth} of the credentials that let a client in (nats-server's {@code ConnInfo} fields
 * {@code jwt}, {@code issuer_key}, {@code name_tag}, {@code tags}); empty strings and list when not asked for.
 *
 * @param jwt       the client's {@code jwt} CONNECT option
 * @param issuerKey the key that issued the nkey or JWT user, else its account's name
 * @param nameTag   the user JWT's name
 * @param tags      the user JWT's tags
 */
public record IssuedIdentity(String jwt, String issuerKey, String nameTag, List<String> tags) {

    public static final IssuedIdentity NONE = new IssuedIdentity("", "", "", List.of());

    public IssuedIdentity {
        tags = List.copyOf(tags);
    }
}
