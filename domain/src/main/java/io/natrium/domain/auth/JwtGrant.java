package io.natrium.domain.auth;

import java.time.Instant;
import java.util.List;

/**
 * What a user JWT grants beyond an account and permissions, for the session and monitoring.
 *
 * @param jwt           the user JWT as the client sent it
 * @param issuerKey     the key that signed it (the account's or a signing key's)
 * @param nameTag       its {@code name}
 * @param tags          its tags
 * @param subscriptions the most subscriptions (-1 none; 0 is taken as none, as nats-server takes it)
 * @param payload       the largest payload (-1 none; 0 none)
 * @param expiresAt     when the connection must end ({@code User Authentication Expired}); null for never
 */
public record JwtGrant(String jwt, String issuerKey, String nameTag, List<String> tags, long subscriptions,
        long payload, Instant expiresAt) {

    public JwtGrant {
        tags = List.copyOf(tags);
    }
}
