package io.natrium.domain.jwt;

import io.natrium.domain.text.GoStrings;

import java.util.function.Predicate;

/**
 * Config mode's placement ({@code auth_callout { issuer }}): the user JWT is issued by the configured issuer itself,
 * never with an {@code issuer_account}, and its audience names the account of this server it goes to. The response's
 * own signer is not checked, as nats-server does not check it in config mode.
 */
public final class ConfigCalloutPlacement implements CalloutPlacement {

    private final String issuer;
    private final Predicate<String> accounts;

    /**
     * @param issuer   the account key that must have issued the user JWT ({@code auth_callout.issuer})
     * @param accounts whether an account of that name exists
     */
    public ConfigCalloutPlacement(String issuer, Predicate<String> accounts) {
        this.issuer = issuer;
        this.accounts = accounts;
    }

    @Override
    public void checkSigner(AuthorizationResponseClaims response, String account) {
        // Config mode trusts the response's signature alone: the user JWT's issuer is what is checked.
    }

    @Override
    public Placed place(UserClaims user, String account) {
        if (!user.issuerAccount().isEmpty()) {
            throw new JwtException("error non operator mode account " + GoStrings.quote(account)
                    + ": attempted to use issuer_account");
        }
        if (!user.data().issuer().equals(issuer)) {
            throw new JwtException("wrong issuer for auth callout response on account " + GoStrings.quote(account)
                    + ", expected " + GoStrings.quote(issuer) + " got " + GoStrings.quote(user.data().issuer()));
        }
        String placement = user.data().audience();
        if (!accounts.test(placement)) {
            throw new JwtException("no valid account " + GoStrings.quote(placement)
                    + " for auth callout response on account " + GoStrings.quote(account) + ": account missing");
        }
        return new Placed(placement, user.limits());
    }
}
