package io.natrium.domain.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may connect: a single user, a token, users and nkey users (from {@code authorization} and every account),
 * {@code no_auth_user}. A configuration normally has only one of single user, token and users; when several are
 * given, the {@link Authenticator} applies nats-server's order.
 *
 * @param username      the single user's name ({@code authorization.user}, {@code --user}); "" for none
 * @param password      the single user's password, plain or bcrypt; "" for none
 * @param token         the token clients must present, plain or bcrypt; "" for none
 * @param users         the username users of every account
 * @param nkeyUsers     the nkey users of every account
 * @param noAuthUser    the user (a username or an nkey) a client without credentials becomes; "" for none
 * @param proxyRequired true when the single user or token must connect through a trusted proxy
 * @param certificateMapping true when users are found from the client's TLS certificate ({@code verify_and_map})
 */
public record AuthConfiguration(String username, String password, String token, List<User> users,
        List<NKeyUser> nkeyUsers, String noAuthUser, boolean proxyRequired, boolean certificateMapping) {

    public AuthConfiguration(String username, String password, String token, List<User> users,
            List<NKeyUser> nkeyUsers, String noAuthUser, boolean proxyRequired) {
        this(username, password, token, users, nkeyUsers, noAuthUser, proxyRequired, false);
    }

    public AuthConfiguration {
        username = orEmpty(username);
        password = orEmpty(password);
        token = orEmpty(token);
        users = users == null ? List.of() : List.copyOf(users);
        nkeyUsers = nkeyUsers == null ? List.of() : List.copyOf(nkeyUsers);
        noAuthUser = orEmpty(noAuthUser);
        requireUnique(users.stream().map(User::username).toList(), "user");
        requireUnique(nkeyUsers.stream().map(user -> user.nkey().encoded()).toList(), "nkey");
    }

    /** No authentication: every client is let in. */
    public static AuthConfiguration none() {
        return new AuthConfiguration("", "", "", List.of(), List.of(), "", false);
    }

    public AuthConfiguration withSingleUser(String name, String secret) {
        return new AuthConfiguration(name, secret, token, users, nkeyUsers, noAuthUser, proxyRequired, certificateMapping);
    }

    public AuthConfiguration withToken(String value) {
        return new AuthConfiguration(username, password, value, users, nkeyUsers, noAuthUser, proxyRequired, certificateMapping);
    }

    public AuthConfiguration withUsers(List<User> value) {
        return new AuthConfiguration(username, password, token, value, nkeyUsers, noAuthUser, proxyRequired, certificateMapping);
    }

    public AuthConfiguration withNKeyUsers(List<NKeyUser> value) {
        return new AuthConfiguration(username, password, token, users, value, noAuthUser, proxyRequired, certificateMapping);
    }

    public AuthConfiguration withNoAuthUser(String value) {
        return new AuthConfiguration(username, password, token, users, nkeyUsers, value, proxyRequired, certificateMapping);
    }

    public AuthConfiguration withProxyRequired(boolean value) {
        return new AuthConfiguration(username, password, token, users, nkeyUsers, noAuthUser, value, certificateMapping);
    }

    public AuthConfiguration withCertificateMapping(boolean value) {
        return new AuthConfiguration(username, password, token, users, nkeyUsers, noAuthUser, proxyRequired, value);
    }

    /**
     * nats-server's {@code AuthRequired}: users, nkey users, a single user or a token are configured. A password
     * without a username requires nothing. Clients must then CONNECT first, within the auth timeout.
     */
    public boolean authRequired() {
        return !users.isEmpty() || !nkeyUsers.isEmpty() || !username.isEmpty() || !token.isEmpty();
    }

    /** Whether INFO carries a nonce for clients to sign: when nkey users are configured. */
    public boolean nonceRequired() {
        return !nkeyUsers.isEmpty();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Users are looked up by name, so two with the same name would make one unreachable. */
    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate " + what + " " + name);
            }
        }
    }

    @Override
    public String toString() {
        return "AuthConfiguration[username=" + username + ", password=" + Secret.redact(password) + ", token="
                + Secret.redact(token) + ", users=" + users + ", nkeyUsers=" + nkeyUsers + ", noAuthUser="
                + noAuthUser + ", proxyRequired=" + proxyRequired + ", certificateMapping=" + certificateMapping + "]";
    }
}
