package io.natrium.domain.jwt;

import io.natrium.domain.text.GoStrings;

import java.util.function.Function;

/**
 * Operator mode's placement, as nats-server's {@code processClientOrLeafCallout} with trusted operators: a response
 * in clear is signed by the callout account or one of its signing keys; the user JWT is issued by the callout
 * account (or for it, with {@code issuer_account}) or by an account its {@code allowed_accounts} name, by that
 * account's key or one of its signing keys (a scoped key's template gives the limits), and the user goes to that
 * account. The JWT's audience means nothing here.
 */
public final class OperatorCalloutPlacement implements CalloutPlacement {

    private final AccountClaims callout;
    private final Function<String, AccountClaims> accounts;

    /**
     * @param callout  the callout account's claims, with its {@code authorization} section
     * @param accounts an account's claims by key, valid now; null for an account this server does not hold
     */
    public OperatorCalloutPlacement(AccountClaims callout, Function<String, AccountClaims> accounts) {
        this.callout = callout;
        this.accounts = accounts;
    }

    @Override
    public void checkSigner(AuthorizationResponseClaims response, String account) {
        String signer = response.issuerAccount().isEmpty() ? response.data().issuer() : response.issuerAccount();
        if (!signer.equals(account) && !callout.signedBy(signer)) {
            throw new JwtException("auth callout signing key is unknown");
        }
    }

    @Override
    public Placed place(UserClaims user, String account) {
        String issuer = user.data().issuer();
        String issuerAccount = user.issuerAccount().isEmpty() ? issuer : user.issuerAccount();
        if (!issuerAccount.equals(callout.data().subject())
                && !callout.externalAuthorization().allows(issuerAccount)) {
            throw new JwtException("account " + GoStrings.quote(issuer)
                    + " not permitted as valid account option for auth callout for account "
                    + GoStrings.quote(account));
        }
        AccountClaims target = accounts.apply(issuerAccount);
        if (target == null) {
            throw new JwtException("no valid account " + GoStrings.quote(issuerAccount)
                    + " for auth callout response on account " + GoStrings.quote(account) + ": account missing");
        }
        if (!target.signedBy(issuer)) {
            throw new JwtException("user JWT issuer " + GoStrings.quote(issuer) + " is not known");
        }
        UserScope scope = target.scopeOf(issuer);
        if (scope == null) {
            return new Placed(issuerAccount, user.limits());
        }
        try {
            scope.checkSigned(user);
        } catch (JwtException invalid) {
            throw new JwtException("user JWT is not valid: " + invalid.getMessage());
        }
        try {
            return new Placed(issuerAccount, ScopeTemplates.apply(scope.template(), user, target), scope);
        } catch (JwtException invalid) {
            throw new JwtException("user JWT generated invalid permissions: " + invalid.getMessage());
        }
    }
}
