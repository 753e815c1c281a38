package io.natrium.domain.auth;

import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.auth.AuthDecision.Rejected;
import io.natrium.domain.permission.Permissions;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides a client's CONNECT as nats-server's {@code processClientOrLeafAuthentication} does for a server without
 * operators, auth callout or trusted proxies. In order:
 *
 * <ol>
 *   <li>Nothing is required ({@link AuthConfiguration#authRequired()}): everyone is in, in {@code $G}, unrestricted,
 *       whatever credentials were sent.</li>
 *   <li>With nkey users: a client with no user, password, token or nkey becomes the {@code no_auth_user} when that
 *       is an nkey user. An nkey that was sent (or so assigned) must name an nkey user allowed on this connection
 *       type, or the client is refused.</li>
 *   <li>With users, when no nkey user was found: a client with no user, password or token becomes the
 *       {@code no_auth_user} when that is a user (taking the user's configured password as its own). A username that
 *       was sent must name a user allowed on this connection type, or the client is refused.</li>
 *   <li>With users and certificate mapping ({@code verify_and_map}) instead: the user is the one the client's
 *       certificate names ({@link CertificateUsers}), whatever user the CONNECT names; none refuses the client. The
 *       {@code no_auth_user} is not used.</li>
 *   <li>An nkey user is in when its signature of the nonce verifies; the {@code no_auth_user} needs none.</li>
 *   <li>A user is in when the password matches.</li>
 *   <li>Otherwise the token, when one is configured, must match; else the single user's name and password must.</li>
 * </ol>
 *
 * <p>A user, nkey user or single user that requires a trusted proxy is refused: trusted proxies are not supported yet,
 * so no connection comes through one. Plain passwords and tokens are compared in constant time, bcrypt hashes by the
 * {@link PasswordVerifier}; usernames and nkeys are looked up in maps, as nats-server does. Thread-safe.
 */
public final class Authenticator {

    private final AuthConfiguration configuration;
    private final PasswordVerifier passwordVerifier;
    private final Map<String, User> users = new HashMap<>();
    private final Map<String, NKeyUser> nkeyUsers = new HashMap<>();
    private final boolean anyBcrypt;
    private final CertificateUsers certificateUsers;
    /** Operator mode's user JWT check, which then decides every CONNECT; null outside operator mode. */
    private final UserJwtAuthentication operatorMode;

    public Authenticator(AuthConfiguration configuration, PasswordVerifier passwordVerifier) {
        this(configuration, passwordVerifier, null);
    }

    /**
     * An authenticator in operator mode when {@code operatorMode} is not null: nats-server with trusted keys
     * requires a user JWT of every client and has no users of its own (the config may not define any).
     */
    public Authenticator(AuthConfiguration configuration, PasswordVerifier passwordVerifier,
            UserJwtAuthentication operatorMode) {
        this.operatorMode = operatorMode;
        this.configuration = configuration;
        this.passwordVerifier = passwordVerifier;
        boolean bcrypt = Passwords.isBcrypt(configuration.token()) || Passwords.isBcrypt(configuration.password());
        for (User user : configuration.users()) {
            users.put(user.username(), user);
            bcrypt |= Passwords.isBcrypt(user.password());
        }
        this.anyBcrypt = bcrypt;
        this.certificateUsers = new CertificateUsers(configuration.users());
        for (NKeyUser user : configuration.nkeyUsers()) {
            nkeyUsers.put(user.nkey().encoded(), user);
        }
    }

    public AuthConfiguration configuration() {
        return configuration;
    }

    /** True when clients authenticate with user JWTs (trusted operators are configured). */
    public boolean operatorMode() {
        return operatorMode != null;
    }

    /** Whether clients must authenticate in CONNECT: always in operator mode. */
    public boolean authRequired() {
        return operatorMode != null || configuration.authRequired();
    }

    /** Whether INFO carries a nonce: for nkey users, and in operator mode for the user JWT's key. */
    public boolean nonceRequired() {
        return operatorMode != null || configuration.nonceRequired();
    }

    /**
     * Decides a CONNECT.
     *
     * @param credentials what the client sent
     * @param type        the kind of connection
     * @param nonce       the nonce sent to the client in INFO; null or "" when none was sent
     */
    public AuthDecision authenticate(ClientCredentials credentials, ConnectionType type, String nonce) {
        return authenticate(credentials, type, nonce, passwordVerifier);
    }

    /**
     * Decides a CONNECT with another check of bcrypt hashes, e.g. one that knows a hash the client's password was
     * already proven against.
     */
    public AuthDecision authenticate(ClientCredentials credentials, ConnectionType type, String nonce,
            PasswordVerifier verifier) {
        if (operatorMode != null) {
            return operatorMode.authenticate(credentials, type, nonce);
        }
        if (!configuration.authRequired()) {
            return Authenticated.anonymous(AuthMethod.NONE);
        }
        String noAuthUser = configuration.noAuthUser();
        boolean bare = !noAuthUser.isEmpty() && credentials.hasNoUserPasswordOrToken();
        NKeyUser nkeyUser = null;
        if (!nkeyUsers.isEmpty()) {
            String nkey = bare && credentials.nkey().isEmpty() && nkeyUsers.containsKey(noAuthUser)
                    ? noAuthUser : credentials.nkey();
            if (!nkey.isEmpty()) {
                nkeyUser = nkeyUsers.get(nkey);
                if (nkeyUser == null) {
                    return reject(Rejection.UNKNOWN_NKEY);
                }
                if (!allows(nkeyUser.allowedConnectionTypes(), type)) {
                    return reject(Rejection.CONNECTION_TYPE_NOT_ALLOWED);
                }
            }
        }
        if (nkeyUser != null) {
            return authenticateNKeyUser(nkeyUser, credentials, nonce);
        }
        if (!users.isEmpty() && configuration.certificateMapping()) {
            CertificateUsers.Match match = certificateUsers.find(credentials.certificate(), type);
            if (match.user() == null) {
                return reject(Rejection.NO_CERTIFICATE_USER);
            }
            AuthDecision decision = authenticateUser(match.user(), credentials, credentials.password(), verifier);
            return decision instanceof Authenticated in
                    ? new Authenticated(AuthMethod.CERTIFICATE, in.identity(), in.account(), in.permissions())
                    : decision;
        }
        if (!users.isEmpty()) {
            User noAuth = bare ? users.get(noAuthUser) : null;
            String username = noAuth != null ? noAuth.username() : credentials.user();
            if (!username.isEmpty()) {
                User user = users.get(username);
                if (user == null) {
                    return reject(Rejection.UNKNOWN_USER);
                }
                if (!allows(user.allowedConnectionTypes(), type)) {
                    return reject(Rejection.CONNECTION_TYPE_NOT_ALLOWED);
                }
                // As in nats-server, the no_auth_user presents its own configured password, hash or not.
                String password = noAuth != null ? noAuth.password() : credentials.password();
                return authenticateUser(user, credentials, password, verifier);
            }
        }
        return authenticateSingleUserOrToken(credentials, verifier);
    }

    /** The user the client's certificate names, for the debug log: null user when none. */
    public CertificateUsers.Match certificateUser(ClientCredentials credentials, ConnectionType type) {
        return certificateUsers.find(credentials.certificate(), type);
    }

    private AuthDecision authenticateNKeyUser(NKeyUser user, ClientCredentials credentials, String nonce) {
        String signature = credentials.signature();
        if (user.proxyRequired() && !credentials.viaTrustedProxy()) {
            return reject(Rejection.PROXY_REQUIRED);
        }
        if (!user.nkey().encoded().equals(configuration.noAuthUser())) {
            if (signature.isEmpty()) {
                return reject(Rejection.SIGNATURE_MISSING);
            }
            byte[] decoded = SignatureEncoding.decode(signature);
            if (decoded == null) {
                return reject(Rejection.SIGNATURE_NOT_BASE64);
            }
            byte[] signed = nonce == null ? new byte[0] : nonce.getBytes(StandardCharsets.UTF_8);
            if (!NKeySignatures.verify(user.nkey(), signed, decoded)) {
                return reject(Rejection.SIGNATURE_NOT_VERIFIED);
            }
        }
        return new Authenticated(AuthMethod.NKEY, user.nkey().encoded(), user.account(), user.permissions());
    }

    /**
     * The bcrypt hash that deciding these credentials would check them against, or null when the decision needs no
     * bcrypt. bcrypt is slow on purpose, so a caller serving other clients on its thread decides such credentials
     * elsewhere.
     */
    public String bcryptHashFor(ClientCredentials credentials, ConnectionType type) {
        if (!anyBcrypt) {
            return null;
        }
        String[] hash = new String[1];
        authenticate(credentials, type, null, (presented, configured) -> {
            hash[0] = configured;
            return false;
        });
        return hash[0];
    }

    private AuthDecision authenticateUser(User user, ClientCredentials credentials, String password,
            PasswordVerifier verifier) {
        if (user.proxyRequired() && !credentials.viaTrustedProxy()) {
            return reject(Rejection.PROXY_REQUIRED);
        }
        if (!Passwords.matches(user.password(), password, verifier)) {
            return reject(Rejection.WRONG_PASSWORD);
        }
        return new Authenticated(AuthMethod.USER, user.username(), user.account(), user.permissions());
    }

    private AuthDecision authenticateSingleUserOrToken(ClientCredentials credentials, PasswordVerifier verifier) {
        if (configuration.proxyRequired() && !credentials.viaTrustedProxy()) {
            return reject(Rejection.PROXY_REQUIRED);
        }
        if (!configuration.token().isEmpty()) {
            return Passwords.matches(configuration.token(), credentials.authToken(), verifier)
                    ? Authenticated.anonymous(AuthMethod.TOKEN) : reject(Rejection.WRONG_TOKEN);
        }
        if (!configuration.username().isEmpty()) {
            if (!configuration.username().equals(credentials.user())) {
                return reject(Rejection.UNKNOWN_USER);
            }
            if (!Passwords.matches(configuration.password(), credentials.password(), verifier)) {
                return reject(Rejection.WRONG_PASSWORD);
            }
            return new Authenticated(AuthMethod.SINGLE_USER, credentials.user(), AccountNames.GLOBAL,
                    Permissions.unrestricted());
        }
        return reject(Rejection.NO_MATCHING_CREDENTIALS);
    }

    /** nats-server's {@code connectionTypeAllowed}: an empty set allows every kind. */
    private static boolean allows(Set<ConnectionType> allowed, ConnectionType type) {
        return allowed.isEmpty() || allowed.contains(type);
    }

    private static AuthDecision reject(Rejection reason) {
        return new Rejected(reason);
    }
}
