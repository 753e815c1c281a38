package io.natrium.domain.auth;

/**
 * The credentials a client sends in CONNECT; a missing field is "".
 *
 * @param user      {@code user}
 * @param password  {@code pass}
 * @param authToken {@code auth_token}
 * @param nkey      {@code nkey}, the client's public key
 * @param signature {@code sig}, the client's signature of the nonce, base64url
 * @param jwt       {@code jwt}; ignored outside operator mode, which is not supported yet
 * @param certificate what the client's TLS certificate says of it; null without TLS or without a certificate
 */
public record ClientCredentials(String user, String password, String authToken, String nkey, String signature,
        String jwt, CertificateIdentity certificate) {

    private static final ClientCredentials NONE = new ClientCredentials("", "", "", "", "", "");

    public ClientCredentials(String user, String password, String authToken, String nkey, String signature,
            String jwt) {
        this(user, password, authToken, nkey, signature, jwt, null);
    }

    /** These credentials with the client's certificate (null for none). */
    public ClientCredentials withCertificate(CertificateIdentity value) {
        return new ClientCredentials(user, password, authToken, nkey, signature, jwt, value);
    }

    public ClientCredentials {
        user = orEmpty(user);
        password = orEmpty(password);
        authToken = orEmpty(authToken);
        nkey = orEmpty(nkey);
        signature = orEmpty(signature);
        jwt = orEmpty(jwt);
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
                + Secret.redact(jwt) + ", certificate=" + certificate + "]";
    }
}
