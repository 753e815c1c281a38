package io.natrium.application.settings;

import java.util.List;

/**
 * Delegated authentication: a service that answers authorization requests ({@code auth_callout}).
 *
 * @param issuer          the account public key that signs the responses
 * @param account         the account the callout service lives in ({@code $G} by default)
 * @param authUsers       the users that bypass the callout (the service's own users)
 * @param xkey            the curve public key responses are encrypted for; null for none
 * @param allowedAccounts the accounts the callout may place users in; empty for any
 */
public record AuthCalloutSettings(
        String issuer, String account, List<String> authUsers, String xkey, List<String> allowedAccounts) {

    public AuthCalloutSettings {
        authUsers = List.copyOf(authUsers);
        allowedAccounts = List.copyOf(allowedAccounts);
    }
}
