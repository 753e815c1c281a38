package io.natrium.domain.auth;

/**
 * The credentials a client sends in CONNECT; a missing field is "".
 *
 * @param user      {@code user}
 * @param password  {@code pass}
 * @param authToken {@code auth_token}
 * @param nkey      {@code nkey}, the client's public key
 * @param signature {@code sig}, the client's signature of the nonce, base64url
 * @param jwt       {@code jwt}, the user JWT of operator mode (ignored otherwise)
 * @param certificate what the client's TLS certificate says of it; null without TLS or without a certificate
 * @param clientIp  the client's IP address as text, for a user JWT's {@code src}; "" when unknown
 * @param viaTrustedProxy whether a trusted proxy vouched for the client ({@link TrustedProxies}), as users with
 *                  {@code proxy_required} must be
 */
public record ClientCredentials(String user, String password, String authToken, String nkey, String signature,
        String jwt, CertificateIdentity certificate, String clientIp, boolean viaTrustedProxy) {

    public ClientCredentials(String user, String password, String authToken, String nkey, String signature,
            String jwt, CertificateIdentity certificate, String clientIp) {
        this(user, password, authToken, nkey, signature, jwt, certificate, clientIp, false);
    }

    public ClientCredentials(String user, String password, String authToken, String nkey, String signature,
            String jwt, CertificateIdentity certificate) {
        this(user, password, authToken, nkey, signature, jwt, certificate, "");
    }

    private static final ClientCredentials NONE = new ClientCredentials("", "", "", "", "", "");

    public ClientCredentials(String user, String password, String authToken, String nkey, String signature,
            String jwt) {
        this(user, password, authToken, nkey, signature, jwt, null);
    }

    /** These credentials with the client's certificate (null for none). */
    public ClientCredentials withCertificate(CertificateIdentity value) {
        return new ClientCredentials(user, password, authToken, nkey, signature, jwt, value, clientIp,
                viaTrustedProxy);
    }

    /** These credentials with the address the client connected from. */
    public ClientCredentials withClientIp(String value) {
        return new ClientCredentials(user, password, authToken, nkey, signature, jwt, certificate, value,
                viaTrustedProxy);
    }

    /** These credentials as vouched for by a trusted proxy, or not. */
    public ClientCredentials withTrustedProxy(boolean value) {
        return new ClientCredentials(user, password, authToken, nkey, signature, jwt, certificate, clientIp, value);
    }

    public ClientCredentials {
        user = orEmpty(user);
        password = orEmpty(password);
        authToken = orEmpty(authToken);
        nkey = orEmpty(nkey);
        signature = orEmpty(signature);
        jwt = orEmpty(jwt);
        clientIp = orEmpty(clientIp);
    }

    /** A CONNECT without credentials. */
    public static ClientCredentials none() {
        return NONE;
    }

    public static ClientCredentials userAndPassword(String user, String password) {
        return new ClientCredentials(user, password, "", "", "", "");
    }

    public static ClientCredentials token(String token) {
        return new ClientCredentials("", "", token, "", "", "");
    }

    public static ClientCredentials nkey(String nkey, String signature) {
        return new ClientCredentials("", "", "", nkey, signature, "");
    }

    /** nats-server's test for {@code no_auth_user}: no user, password or token (an nkey is looked at separately). */
    boolean hasNoUserPasswordOrToken() {
        return user.isEmpty() && password.isEmpty() && authToken.isEmpty();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "ClientCredentials[user=" + user + ", password=" + Secret.redact(password) + ", authToken="
                + Secret.redact(authToken) + ", nkey=" + nkey + ", signature=" + Secret.redact(signature) + ", jwt="
                + Secret.redact(jwt) + ", certificate=" + certificate + ", clientIp=" + clientIp
                + ", viaTrustedProxy=" + viaTrustedProxy + "]";
    }
}
