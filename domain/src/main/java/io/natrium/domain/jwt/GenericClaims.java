package io.natrium.domain.jwt;

import java.util.List;

/** A claim of a kind nats-server does not act on; kept with its registered claims and type. */
public record GenericClaims(ClaimsData data, String type, List<String> tags, int version) implements Claims {

    public GenericClaims {
        tags = List.copyOf(tags);
    }
}
