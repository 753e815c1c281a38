package io.natrium.application.session;

import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.server.ConnectDetails;

import java.util.List;

/**
 * A connection's CONNECT options. They start as nats-server's defaults (verbose, pedantic and echo on) and every
 * CONNECT is applied on top of the current values, field by field.
 */
final class ClientOptions {

    boolean verbose = true;
    boolean pedantic = true;
    boolean echo = true;
    boolean tlsRequired;
    boolean headers;
    boolean noResponders;
    int protocol;
    String name = "";
    String lang = "";
    String version = "";
    String user = "";
    /** The {@code no_auth_user} a client naming no user was let in as; not part of CONNECT. */
    String noAuthUser = "";
    String pass = "";
    String authToken = "";
    String nkey = "";
    String jwt = "";
    /** The user JWT's subject once it authenticated the client (nats-server's {@code pubKey}); "" otherwise. */
    String jwtSubject = "";
    /** The key that issued the client's nkey or JWT user (nats-server's {@code issuerForClient}); "" otherwise. */
    String issuerKey = "";
    /** The user JWT's {@code name} and tags once it authenticated the client. */
    String jwtName = "";
    List<String> jwtTags = List.of();
    String sig = "";
    /** A trusted proxy's signature of the nonce, vouching for the client ({@code proxy_sig}). */
    String proxySig = "";
    /** The public key of the trusted proxy whose {@code proxySig} vouched for the client; "" when none did. */
    String proxyKey = "";
    String account = "";
    boolean newAccount;

    void apply(ConnectRequest request) {
        verbose = or(request.verbose(), verbose);
        pedantic = or(request.pedantic(), pedantic);
        echo = or(request.echo(), echo);
        tlsRequired = or(request.tlsRequired(), tlsRequired);
        headers = or(request.headers(), headers);
        noResponders = or(request.noResponders(), noResponders);
        protocol = request.protocol() == null ? protocol : request.protocol();
        name = or(request.name(), name);
        lang = or(request.lang(), lang);
        version = or(request.version(), version);
        user = or(request.user(), user);
        pass = or(request.pass(), pass);
        authToken = or(request.authToken(), authToken);
        nkey = or(request.nkey(), nkey);
        jwt = or(request.jwt(), jwt);
        sig = or(request.sig(), sig);
        proxySig = or(request.proxySig(), proxySig);
        account = or(request.account(), account);
        newAccount = or(request.newAccount(), newAccount);
    }

    /** The server's own client's: no {@code +OK}, no pedantic checks, never its own messages back, headers. */
    void internal() {
        verbose = false;
        pedantic = false;
        echo = false;
        headers = true;
    }

    /** What monitoring shows of these options. */
    ConnectDetails details() {
        return new ConnectDetails(name, lang, version, authorizedUser(), jwt, issuerKey, jwtName, jwtTags,
                proxyKey);
    }

    /**
     * The user the client names, as nats-server's {@code getRawAuthUser} reports it: the nkey, else the user name
     * (the {@code no_auth_user}'s for a client let in as it: nats-server puts that name in the client's options),
     * else the user JWT's public key (once it authenticated the client), else {@code [REDACTED]} for a token.
     */
    private String authorizedUser() {
        if (!nkey.isEmpty()) {
            return nkey;
        }
        if (!user.isEmpty()) {
            return user;
        }
        if (!noAuthUser.isEmpty()) {
            return noAuthUser;
        }
        if (!jwt.isEmpty()) {
            return jwtSubject;
        }
        return authToken.isEmpty() ? "" : "[REDACTED]";
    }

    private static boolean or(Boolean value, boolean current) {
        return value == null ? current : value;
    }

    private static String or(String value, String current) {
        return value == null ? current : value;
    }
}
