package io.natrium.domain.jwt;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.auth.AuthDecision.Rejected;
import io.natrium.domain.auth.AuthMethod;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.auth.JwtGrant;
import io.natrium.domain.auth.NKey;
import io.natrium.domain.auth.NKeySignatures;
import io.natrium.domain.auth.NKeyType;
import io.natrium.domain.auth.Rejection;
import io.natrium.domain.auth.UserJwtAuthentication;
import io.natrium.domain.permission.Permissions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * nats-server's user JWT checks of {@code processClientOrLeafAuthentication}, in its order, against trusted
 * operator keys and the account JWTs a resolver holds: the user JWT decodes and is valid now, the connection type is
 * allowed, the account is found, trusted and not expired, the user's issuer is the account or one of its signing
 * keys (a scoped key's template replaces the user's permissions), bearer tokens are allowed, the nonce is signed by
 * the user's key, the user is not revoked, the client's address is in {@code src} and now is within {@code times}.
 * The clock is passed in; thread-safe.
 */
public final class OperatorAuthentication implements UserJwtAuthentication {

    private final Set<String> trustedKeys;
    private final Map<String, String> accountJwts;
    private final Clock clock;
    /** The accounts whose users may connect; null when every account may. */
    private final Set<String> pinnedAccounts;

    /**
     * @param trustedKeys the operator keys (and signing keys) accounts must be issued by
     * @param accountJwts account public key to account JWT (the resolver's contents)
     * @param clock       now, and the server's zone for connect {@code times}
     */
    public OperatorAuthentication(Set<String> trustedKeys, Map<String, String> accountJwts, Clock clock) {
        this(trustedKeys, accountJwts, clock, null);
    }

    /**
     * @param pinnedAccounts the only accounts whose users are let in (an empty set lets none in, as nats-server's
     *                       empty map does); null for no such restriction
     */
    public OperatorAuthentication(Set<String> trustedKeys, Map<String, String> accountJwts, Clock clock,
            Set<String> pinnedAccounts) {
        this.trustedKeys = Set.copyOf(trustedKeys);
        this.accountJwts = Map.copyOf(accountJwts);
        this.clock = clock;
        this.pinnedAccounts = pinnedAccounts == null ? null : Set.copyOf(pinnedAccounts);
    }

    @Override
    public AuthDecision authenticate(ClientCredentials credentials, ConnectionType type, String nonce) {
        if (credentials.jwt().isEmpty()) {
            return new Rejected(Rejection.JWT_REQUIRED);
        }
        Instant instant = clock.instant();
        long now = instant.getEpochSecond();
        UserClaims user;
        try {
            user = JwtDecoder.decodeUser(credentials.jwt());
        } catch (JwtException invalid) {
            return new Rejected(Rejection.USER_JWT_INVALID, invalid.getMessage());
        }
        if (!credentials.viaTrustedProxy() && ProxyRequirement.of(credentials.jwt())) {
            return new Rejected(Rejection.PROXY_REQUIRED);
        }
        try {
            user.validate(now);
        } catch (JwtException invalid) {
            return new Rejected(Rejection.USER_JWT_NO_LONGER_VALID, invalid.getMessage());
        }
        Set<ConnectionType> allowed = connectionTypes(user.limits().allowedConnectionTypes());
        if (allowed == null || !allowed.isEmpty() && !allowed.contains(type)) {
            return new Rejected(Rejection.CONNECTION_TYPE_NOT_ALLOWED, "");
        }
        String accountKey = user.account();
        if (pinnedAccounts != null && !pinnedAccounts.contains(accountKey)) {
            return new Rejected(Rejection.ACCOUNT_NOT_PINNED, accountKey);
        }
        AccountClaims account;
        try {
            account = account(accountKey, now);
        } catch (JwtException notFound) {
            return new Rejected(Rejection.ACCOUNT_LOOKUP_FAILED, notFound.getMessage());
        }
        if (!trustedKeys.contains(account.data().issuer())) {
            return new Rejected(Rejection.ACCOUNT_NOT_TRUSTED);
        }
        if (!account.signedBy(user.data().issuer())) {
            return new Rejected(Rejection.USER_ISSUER_UNKNOWN);
        }
        UserPermissionLimits limits = user.limits();
        UserScope scope = account.scopeOf(user.data().issuer());
        if (scope != null) {
            try {
                scope.checkSigned(user);
            } catch (JwtException invalid) {
                return new Rejected(Rejection.SCOPED_USER_INVALID, invalid.getMessage());
            }
            try {
                limits = ScopeTemplates.apply(scope.template(), user, account);
            } catch (JwtException invalid) {
                return new Rejected(Rejection.SCOPED_TEMPLATE_INVALID);
            }
        }
        if (account.data().isExpired(now)) {
            return new Rejected(Rejection.ACCOUNT_EXPIRED);
        }
        if (limits.bearerToken() && account.limits().disallowBearer()) {
            return new Rejected(Rejection.BEARER_NOT_ALLOWED);
        }
        if (!limits.bearerToken()) {
            Rejection signature = signatureProblem(user, credentials.signature(), nonce);
            if (signature != null) {
                return new Rejected(signature);
            }
        }
        if (account.isRevoked(user)) {
            return new Rejected(Rejection.USER_REVOKED);
        }
        if (!sourceAllowed(limits.sources(), credentials.clientIp())) {
            return new Rejected(Rejection.SOURCE_NOT_ALLOWED, credentials.clientIp());
        }
        Duration validFor = ConnectTimes.allowance(limits, ZonedDateTime.ofInstant(instant, clock.getZone()),
                clock.getZone());
        if (validFor == null) {
            return new Rejected(Rejection.OUTSIDE_CONNECT_TIMES);
        }
        Permissions permissions = JwtPermissionsMapping.of(limits.permissions(), account.defaultPermissions());
        JwtGrant grant = new JwtGrant(credentials.jwt(), user.data().issuer(), user.data().name(), user.tags(),
                limits.subscriptions(), limits.payload(), expiry(user, instant, validFor));
        return new Authenticated(AuthMethod.JWT, user.data().subject(), accountKey, permissions, grant);
    }

    /** The account's JWT, decoded and valid now; the resolver's and the validation's errors as nats-server's. */
    private AccountClaims account(String key, long now) {
        String jwt = accountJwts.get(key);
        if (jwt == null) {
            throw new JwtException("account missing");
        }
        AccountClaims account = JwtDecoder.decodeAccount(jwt);
        if (!account.data().subject().equals(key) || !trustedKeys.contains(account.data().issuer())) {
            throw new JwtException("account validation failed");
        }
        try {
            account.validate(now);
        } catch (JwtException invalid) {
            throw new JwtException("account validation failed");
        }
        return account;
    }

    private static Rejection signatureProblem(UserClaims user, String signature, String nonce) {
        if (signature.isEmpty()) {
            return Rejection.SIGNATURE_MISSING;
        }
        byte[] decoded = io.natrium.domain.auth.SignatureEncoding.decode(signature);
        if (decoded == null) {
            return Rejection.SIGNATURE_NOT_BASE64;
        }
        NKey key = NKey.parse(user.data().subject());
        if (key == null || key.type() != NKeyType.USER) {
            return Rejection.USER_NKEY_INVALID;
        }
        byte[] signed = nonce == null ? new byte[0] : nonce.getBytes(UTF_8);
        return NKeySignatures.verify(key, signed, decoded) ? null : Rejection.SIGNATURE_NOT_VERIFIED;
    }

    private static boolean sourceAllowed(List<String> sources, String host) {
        if (sources.isEmpty()) {
            return true;
        }
        for (String source : sources) {
            Cidr network = Cidr.parse(source);
            if (network != null && network.contains(host)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The JWT's connection types that this server knows; null when it names only unknown ones (nats-server then
     * refuses), empty when it names none (every type allowed).
     */
    private static Set<ConnectionType> connectionTypes(List<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        Set<ConnectionType> known = EnumSet.noneOf(ConnectionType.class);
        for (String name : names) {
            for (ConnectionType type : ConnectionType.values()) {
                if (type.name().equals(name)) {
                    known.add(type);
                }
            }
        }
        return known.isEmpty() ? null : known;
    }

    /** nats-server's {@code setExpiration}: the JWT's expiry or the end of the connect window, whichever is first. */
    static Instant expiry(UserClaims user, Instant now, Duration validFor) {
        Instant byTimes = validFor.isZero() ? null : now.plus(validFor);
        if (user.data().expires() == 0) {
            return byTimes;
        }
        Instant byJwt = Instant.ofEpochSecond(user.data().expires());
        return byTimes != null && byTimes.isBefore(byJwt) ? byTimes : byJwt;
    }
}
