package io.natrium.application.server;

import java.util.List;

/**
 * What a client said about itself in CONNECT, as monitoring shows it. Published by the connection's thread as one
 * immutable value, so that monitoring reads it from any thread without asking the connection.
 *
 * @param name           the client's name option
 * @param lang           the client library's language
 * @param version        the client library's version
 * @param authorizedUser the user the client names, as nats-server's {@code getRawAuthUser} reports it: the nkey,
 *                       else the user name, else nothing for a JWT (no public key without JWT authentication), else
 *                       {@code [REDACTED]} for a token
 * @param jwt            the {@code jwt} option as the client sent it, whether or not it authenticated the client
 * @param issuerKey      nats-server's {@code issuerForClient}: for an nkey or JWT user, the signing key that issued
 *                       it, else its account's name; "" for other clients
 * @param nameTag        the user JWT's {@code name}
 * @param tags           the user JWT's tags
 * @param proxyKey       the public key of the trusted proxy that vouched for the client; "" when none did
 */
public record ConnectDetails(String name, String lang, String version, String authorizedUser, String jwt,
        String issuerKey, String nameTag, List<String> tags, String proxyKey) {

    /** Before CONNECT. */
    public static final ConnectDetails NONE = new ConnectDetails("", "", "", "");

    public ConnectDetails {
        tags = List.copyOf(tags);
        proxyKey = proxyKey == null ? "" : proxyKey;
    }

    /** A client no trusted proxy vouched for. */
    public ConnectDetails(String name, String lang, String version, String authorizedUser, String jwt,
            String issuerKey, String nameTag, List<String> tags) {
        this(name, lang, version, authorizedUser, jwt, issuerKey, nameTag, tags, "");
    }

    /** A client that no user JWT or nkey let in. */
    public ConnectDetails(String name, String lang, String version, String authorizedUser) {
        this(name, lang, version, authorizedUser, "", "", "", List.of());
    }
}
