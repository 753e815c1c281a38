package io.natrium.domain.jwt;

import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.auth.AuthMethod;
import io.natrium.domain.auth.JwtGrant;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.text.GoStrings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * nats-server's checks of an auth callout response in config mode ({@code processClientOrLeafCallout}), in its
 * order and with its texts: the response decodes and is valid, names the request's user key and this server and
 * carries no error; the user JWT it grants is valid, for the same user key, within its connect times, issued by the
 * configured issuer itself (no {@code issuer_account}), and its audience names an account of this server, where the
 * user is placed with the JWT's permissions. Thread-safe.
 */
public final class CalloutResponseCheck {

    /** The outcome: the user granted, or the reason it was not (a log line of the server). */
    public record Verdict(Authenticated granted, String refusal) {

        static Verdict refused(String reason) {
            return new Verdict(null, titleCase(reason));
        }
    }

    private final String issuer;
    private final String serverId;
    private final Clock clock;

    /**
     * @param issuer   the account key that must have issued the user JWT ({@code auth_callout.issuer})
     * @param serverId this server's id: the audience of every response
     * @param clock    now, and the server's zone for connect {@code times}
     */
    public CalloutResponseCheck(String issuer, String serverId, Clock clock) {
        this.issuer = issuer;
        this.serverId = serverId;
        this.clock = clock;
    }

    /**
     * @param token    the response JWT (decrypted when it was sealed)
     * @param userNkey the user key of the request
     * @param account  the callout account, named in the texts
     * @param accounts whether an account of that name exists
     */
    public Verdict check(String token, String userNkey, String account, Predicate<String> accounts) {
        Instant instant = clock.instant();
        long now = instant.getEpochSecond();
        String userJwt;
        UserClaims user;
        try {
            userJwt = grantedUserJwt(token, userNkey, now);
            user = JwtDecoder.decodeUser(userJwt);
        } catch (JwtException refused) {
            return Verdict.refused(refused.getMessage());
        }
        if (ProxyRequirement.of(userJwt)) {
            // Whether a trusted proxy vouched for the client is not passed to the callout's check yet: such a user is
            // refused (fail closed).
            return Verdict.refused("proxy connection required");
        }
        try {
            user.validate(now);
        } catch (JwtException invalid) {
            return new Verdict(null, "Error validating user JWT: " + invalid.getMessage());
        }
        if (!user.data().subject().equals(userNkey)) {
            return new Verdict(null, "Expected authorized user of " + quote(userNkey) + " but got "
                    + quote(user.data().subject()) + " on account " + quote(account));
        }
        Duration validFor = ConnectTimes.allowance(user.limits(), ZonedDateTime.ofInstant(instant, clock.getZone()),
                clock.getZone());
        if (validFor == null) {
            return Verdict.refused("authorized user on account " + quote(account)
                    + " outside of valid connect times");
        }
        if (!user.issuerAccount().isEmpty()) {
            return Verdict.refused("error non operator mode account " + quote(account)
                    + ": attempted to use issuer_account");
        }
        if (!user.data().issuer().equals(issuer)) {
            return Verdict.refused("wrong issuer for auth callout response on account " + quote(account)
                    + ", expected " + quote(issuer) + " got " + quote(user.data().issuer()));
        }
        String placement = user.data().audience();
        if (!accounts.test(placement)) {
            return Verdict.refused("no valid account " + quote(placement) + " for auth callout response on account "
                    + quote(account) + ": account missing");
        }
        Permissions permissions = JwtPermissionsMapping.of(user.limits().permissions(), JwtPermissions.NONE);
        // The user JWT is not the client's own: nats-server drops it, so no JWT limits apply and none is shown.
        JwtGrant grant = new JwtGrant("", "", "", List.of(), -1, -1,
                OperatorAuthentication.expiry(user, instant, validFor));
        return new Verdict(new Authenticated(AuthMethod.CALLOUT, user.data().name(), placement, permissions, grant),
                null);
    }

    /** nats-server's {@code decodeResponse}: the response's own checks, then the user JWT it carries. */
    private String grantedUserJwt(String token, String userNkey, long now) {
        AuthorizationResponseClaims response = JwtDecoder.decodeAuthorizationResponse(token);
        String issue = response.firstIssue(now);
        if (issue != null) {
            throw new JwtException("authorization response had validation errors: " + issue);
        }
        if (!response.data().subject().equals(userNkey)) {
            throw new JwtException("auth callout violation: auth callout response is not for expected user");
        }
        if (!response.data().audience().equals(serverId)) {
            throw new JwtException("auth callout violation: auth callout response is not for server");
        }
        if (!response.error().isEmpty()) {
            throw new JwtException("auth callout service returned an error: " + response.error());
        }
        return response.jwt();
    }

    /** nats-server's {@code titleCase}: the first character upper-cased. */
    public static String titleCase(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(text, Character.charCount(first), text.length()).toString();
    }

    private static String quote(String text) {
        return GoStrings.quote(text);
    }
}
