package io.natrium.domain.jwt;

import io.natrium.domain.auth.NKeyType;

import java.util.ArrayList;
import java.util.List;

/**
 * An account JWT's {@code authorization} section (the JWT library's {@code ExternalAuthorization}): the account's
 * users are decided by an auth callout service, except {@code authUsers}, the service's own users; the service may
 * place users in {@code allowedAccounts} ({@code *} for any) and wants its requests sealed for {@code xkey} when set.
 *
 * @param xkey the service's curve public key; empty for none
 */
public record ExternalAuthorization(List<String> authUsers, List<String> allowedAccounts, String xkey) {

    /** The JWT library's {@code AnyAccount}. */
    public static final String ANY_ACCOUNT = "*";

    public ExternalAuthorization {
        authUsers = List.copyOf(authUsers);
        allowedAccounts = List.copyOf(allowedAccounts);
    }

    static ExternalAuthorization read(JsonFields section) {
        return new ExternalAuthorization(section.strings("auth_users"), section.strings("allowed_accounts"),
                section.string("xkey"));
    }

    /** Only auth users switch the callout on ({@code IsEnabled}); the rest means nothing without them. */
    public boolean enabled() {
        return !authUsers.isEmpty();
    }

    /** nats-server's {@code isAllowedAcount}: a lone {@code *} allows any account, otherwise the exact keys. */
    public boolean allows(String account) {
        if (allowedAccounts.size() == 1 && allowedAccounts.get(0).equals(ANY_ACCOUNT)) {
            return true;
        }
        return allowedAccounts.contains(account);
    }

    /** The JWT library's {@code ExternalAuthorization.Validate}, in its order and words. */
    List<ValidationIssue> issues() {
        List<ValidationIssue> issues = new ArrayList<>();
        if (!allowedAccounts.isEmpty() && authUsers.isEmpty()) {
            issues.add(ValidationIssue.error("External authorization cannot have accounts without users specified"));
        }
        for (String user : authUsers) {
            if (!Keys.isUser(user)) {
                issues.add(ValidationIssue.error("AuthUser \"" + user + "\" is not a valid user public key"));
            }
        }
        for (String account : allowedAccounts) {
            if (account.equals(ANY_ACCOUNT)) {
                if (allowedAccounts.size() > 1) {
                    issues.add(ValidationIssue.error("AllowedAccounts can only be a list of accounts or \""
                            + ANY_ACCOUNT + "\""));
                }
            } else if (!Keys.isAccount(account)) {
                issues.add(ValidationIssue.error("Account \"" + account + "\" is not a valid account public key"));
            }
        }
        if (!xkey.isEmpty() && !Keys.is(xkey, NKeyType.CURVE)) {
            issues.add(ValidationIssue.error("XKey \"" + xkey + "\" is not a valid public xkey"));
        }
        return issues;
    }
}
