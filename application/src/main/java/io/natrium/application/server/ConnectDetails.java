package io.natrium.application.server;

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
 */
public record ConnectDetails(String name, String lang, String version, String authorizedUser) {

    /** Before CONNECT. */
    public static final ConnectDetails NONE = new ConnectDetails("", "", "", "");
}
