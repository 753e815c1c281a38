package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;

/** A user JWT's {@code proxy_required}: its user may connect only through a trusted proxy. */
public final class ProxyRequirement {

    private ProxyRequirement() {
    }

    /**
     * Read from the JWT's claims here (the decoded user claims do not carry it); anything unreadable counts as
     * required, so a doubt never lets a client past the rule.
     */
    public static boolean of(String userJwt) {
        try {
            String payload = userJwt.split("\\.", -1)[1];
            Object claims = Json.parse(new String(Base64.getUrlDecoder().decode(payload), UTF_8));
            return JsonFields.of(claims, "").object("nats").bool("proxy_required");
        } catch (RuntimeException unreadable) {
            return true;
        }
    }
}
