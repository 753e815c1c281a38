package io.natrium.application.session;

import io.natrium.application.security.OperatorTrust;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.auth.AuthDecision.Rejected;
import io.natrium.domain.auth.AuthDecision.Rejected;
import io.natrium.domain.auth.AuthMethod;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.Rejection;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.Rejection;
import io.natrium.domain.jwt.AccountClaims;
import io.natrium.domain.jwt.CalloutPlacement;
import io.natrium.domain.jwt.ExternalAuthorization;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;
import io.natrium.domain.jwt.OperatorCalloutPlacement;

import java.util.EnumSet;
import java.util.Set;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Auth callout in operator mode, as nats-server's deferred check in {@code processClientOrLeafAuthentication} with
 * trusted operators: the user JWT is decided as always, and when its account's JWT has an {@code authorization}
 * section with auth users, that account is the callout account and its callout decides the client (unless the
 * client is one of the auth users). The account's section becomes the callout's settings: the account is its own
 * issuer and callout account, its {@code xkey} seals the requests, its {@code allowed_accounts} bound where users go.
 */
public final class OperatorCallouts {

    private OperatorCallouts() {
    }

    /**
     * The callout of the account a user JWT let the client in; null when the decision is no user JWT's or its
     * account has none.
     */
    static AuthCalloutSettings of(ServerContext server, AuthDecision decision) {
        if (!(decision instanceof Authenticated in) || in.method() != AuthMethod.JWT) {
            return null;
        }
        AccountClaims account = claims(server, in.account());
        if (account == null || !account.hasExternalAuthorization()) {
            return null;
        }
        ExternalAuthorization section = account.externalAuthorization();
        return new AuthCalloutSettings(in.account(), in.account(), section.authUsers(),
                section.xkey().isEmpty() ? null : section.xkey(), section.allowedAccounts());
    }

    /**
     * The refusals nats-server's user JWT check reaches after it found the account: with a callout in that account,
     * its deferred callout still runs for them.
     */
    private static final Set<Rejection> AFTER_ACCOUNT_FOUND = EnumSet.of(Rejection.ACCOUNT_NOT_TRUSTED,
            Rejection.USER_ISSUER_UNKNOWN, Rejection.SCOPED_USER_INVALID, Rejection.SCOPED_TEMPLATE_INVALID,
            Rejection.ACCOUNT_EXPIRED, Rejection.BEARER_NOT_ALLOWED, Rejection.CONNECTION_TYPE_NOT_ALLOWED,
            Rejection.SIGNATURE_MISSING, Rejection.SIGNATURE_NOT_BASE64, Rejection.USER_NKEY_INVALID,
            Rejection.SIGNATURE_NOT_VERIFIED, Rejection.USER_REVOKED, Rejection.SOURCE_NOT_ALLOWED,
            Rejection.OUTSIDE_CONNECT_TIMES);

    /**
     * Whether nats-server would still ask a callout about a client whose user JWT was refused: the JWT decoded and was
     * valid, its account was found and has a callout, and the client is none of that callout's auth users. nats-server
     * then asks in the account the client is in, the global account, where nobody can answer, and refuses the client
     * at the timeout.
     */
    static boolean asksAfterRefusal(ServerContext server, AuthDecision decision, ClientCredentials credentials) {
        if (!(decision instanceof Rejected rejected) || !AFTER_ACCOUNT_FOUND.contains(rejected.reason())) {
            return false;
        }
        try {
            String jwt = server.accountJwts().get(JwtDecoder.decodeUser(credentials.jwt()).account());
            AccountClaims account = jwt == null ? null : JwtDecoder.decodeAccount(jwt);
            return account != null && account.hasExternalAuthorization() && !account.externalAuthorization()
                    .authUsers().contains(ClientCallout.rawAuthUser(credentials, decision));
        } catch (JwtException invalid) {
            return false;
        }
    }

    /**
     * Operator mode's response rules for the callout of {@code account}; null when the account is gone.
     * {@code notHeld} hears of the account a grant places its user in when this server does not hold it (the URL
     * resolver may fetch it, as nats-server's {@code LookupAccount} does).
     */
    public static CalloutPlacement placement(ServerContext server, String account, Consumer<String> notHeld) {
        AccountClaims callout = claims(server, account);
        return callout == null ? null : new OperatorCalloutPlacement(callout, key -> {
            AccountClaims target = claims(server, key);
            if (target == null && !server.accountJwts().containsKey(key)) {
                notHeld.accept(key);
            }
            return target;
        });
    }

    /** An account's JWT as the resolver holds it, trusted and valid now; null otherwise. */
    static AccountClaims claims(ServerContext server, String key) {
        String jwt = server.accountJwts().get(key);
        if (jwt == null) {
            return null;
        }
        try {
            AccountClaims claims = JwtDecoder.decodeAccount(jwt);
            claims.validate(System.currentTimeMillis() / 1000);
            boolean trusted = OperatorTrust.trustedKeys(server.settings().operator()).contains(claims.data().issuer());
            return trusted && claims.data().subject().equals(key) ? claims : null;
        } catch (JwtException invalid) {
            return null;
        }
    }
}
