package io.natrium.domain.auth;

import io.natrium.domain.permission.Permissions;

import java.util.Set;

/**
 * A user of a {@code users} list who signs in with an nkey: the client sends its public key as {@code nkey} and its
 * Ed25519 signature of the server's nonce as {@code sig}.
 *
 * @param nkey                   the user's public key (type {@link NKeyType#USER})
 * @param permissions            what the user may do (its own, else the block's default ones); null for unrestricted
 * @param account                the account the user belongs to; null for {@link AccountNames#GLOBAL}
 * @param allowedConnectionTypes the kinds of connection allowed; empty for all
 * @param proxyRequired          true when the user must connect through a trusted proxy
 */
public record NKeyUser(NKey nkey, Permissions permissions, String account, Set<ConnectionType> allowedConnectionTypes,
        boolean proxyRequired) {

    public NKeyUser {
        if (nkey == null || nkey.type() != NKeyType.USER) {
            throw new IllegalArgumentException("an nkey user needs a user public key (U...), not " + nkey);
        }
        permissions = permissions == null ? Permissions.unrestricted() : permissions;
        account = account == null ? AccountNames.GLOBAL : account;
        allowedConnectionTypes = allowedConnectionTypes == null ? Set.of() : Set.copyOf(allowedConnectionTypes);
    }

    /** An nkey user of the global account with no restrictions. */
    public static NKeyUser of(NKey nkey) {
        return new NKeyUser(nkey, null, null, Set.of(), false);
    }

    public NKeyUser withPermissions(Permissions value) {
        return new NKeyUser(nkey, value, account, allowedConnectionTypes, proxyRequired);
    }

    public NKeyUser withAccount(String value) {
        return new NKeyUser(nkey, permissions, value, allowedConnectionTypes, proxyRequired);
    }

    public NKeyUser withAllowedConnectionTypes(Set<ConnectionType> value) {
        return new NKeyUser(nkey, permissions, account, value, proxyRequired);
    }

    public NKeyUser withProxyRequired(boolean value) {
        return new NKeyUser(nkey, permissions, account, allowedConnectionTypes, value);
    }
}
