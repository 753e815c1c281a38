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

/**
 * nats-server's checks of an auth callout response ({@code processClientOrLeafCallout}), in its order and with its
 * texts: the response decodes and is valid, names the request's user key and this server, carries no error and (in
 * clear) has a signer the mode accepts; the user JWT it grants is valid, for the same user key and within its
 * connect times; then the mode's {@link CalloutPlacement} decides who may have issued it and where the user goes,
 * with the JWT's permissions. Thread-safe when the placement is.
 */
public final class CalloutResponseCheck {

    /**
     * The outcome: the user granted, or the reason it was not (a log line of the server).
     *
     * @param proxyRequired whether the client was refused for want of a trusted proxy: it closes as
     *                      {@code Proxy Required}
     * @param grant         the user granted, as a change of its account's JWT checks it; null when refused
     */
    public record Verdict(Authenticated granted, String refusal, boolean proxyRequired, CalloutGrant grant) {

        public Verdict(Authenticated granted, String refusal, boolean proxyRequired) {
            this(granted, refusal, proxyRequired, null);
        }

        /** A refusal with {@code reason} as the server logs it. */
        public static Verdict refusedAs(String reason) {
            return new Verdict(null, reason, false);
        }

        static Verdict refused(String reason) {
            return refusedAs(titleCase(reason));
        }
    }

    private final String serverId;
    private final Clock clock;
    private final CalloutPlacement placement;

    /**
     * @param serverId  this server's id: the audience of every response
     * @param clock     now, and the server's zone for connect {@code times}
     * @param placement config mode's or operator mode's rules
     */
    public CalloutResponseCheck(String serverId, Clock clock, CalloutPlacement placement) {
        this.serverId = serverId;
        this.clock = clock;
        this.placement = placement;
    }

    /** {@link #check(String, boolean, String, String, CalloutProxy)} of a client no trusted proxy vouched for. */
    public Verdict check(String token, boolean sealed, String userNkey, String account) {
        return check(token, sealed, userNkey, account, CalloutProxy.NONE);
    }

    /**
     * @param token    the response JWT (opened when it came sealed)
     * @param sealed   whether it came sealed: its signer is then not checked
     * @param userNkey the user key of the request
     * @param account  the callout account, named in the texts
     * @param proxy    what the trusted proxies said of the client
     */
    public Verdict check(String token, boolean sealed, String userNkey, String account, CalloutProxy proxy) {
        Instant instant = clock.instant();
        long now = instant.getEpochSecond();
        String userJwt;
        UserClaims user;
        try {
            userJwt = grantedUserJwt(token, sealed, userNkey, account, now);
            user = JwtDecoder.decodeUser(userJwt);
        } catch (JwtException refused) {
            return Verdict.refused(refused.getMessage());
        }
        if (proxy.refuses(userJwt)) {
            // Before the user JWT is validated, as nats-server checks it.
            return new Verdict(null, titleCase("proxy connection required"), true);
        }
        try {
            user.validate(now);
        } catch (JwtException invalid) {
            return Verdict.refusedAs("Error validating user JWT: " + invalid.getMessage());
        }
        if (!user.data().subject().equals(userNkey)) {
            return Verdict.refusedAs("Expected authorized user of " + quote(userNkey) + " but got "
                    + quote(user.data().subject()) + " on account " + quote(account));
        }
        Duration validFor = ConnectTimes.allowance(user.limits(), ZonedDateTime.ofInstant(instant, clock.getZone()),
                clock.getZone());
        if (validFor == null) {
            return Verdict.refused("authorized user on account " + quote(account)
                    + " outside of valid connect times");
        }
        CalloutPlacement.Placed placed;
        try {
            placed = placement.place(user, account);
        } catch (JwtException refused) {
            return Verdict.refused(refused.getMessage());
        }
        Permissions permissions = JwtPermissionsMapping.of(placed.limits().permissions(), JwtPermissions.NONE);
        // The user JWT is not the client's own: nats-server drops it, so no JWT limits apply and none is shown.
        JwtGrant grant = new JwtGrant("", "", "", List.of(), -1, -1,
                OperatorAuthentication.expiry(user, instant, validFor));
        String signingKey = user.issuerAccount().isEmpty() ? "" : user.data().issuer();
        return new Verdict(new Authenticated(AuthMethod.CALLOUT, user.data().name(), placed.account(), permissions,
                grant), null, false, new CalloutGrant(placed.account(), user.data().subject(), user.data().issuedAt(),
                signingKey, placed.scope()));
    }

    /** nats-server's {@code decodeResponse}: the response's own checks, then the user JWT it carries. */
    private String grantedUserJwt(String token, boolean sealed, String userNkey, String account, long now) {
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
        if (!sealed) {
            placement.checkSigner(response, account);
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
