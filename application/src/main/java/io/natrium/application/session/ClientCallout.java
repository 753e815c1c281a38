package io.natrium.application.session;

import io.natrium.application.port.TlsState;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.AuthCalloutSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.AuthDecision.Authenticated;
import io.natrium.domain.auth.AuthMethod;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.jwt.AuthorizationRequest;
import io.natrium.domain.jwt.JwtDecoder;
import io.natrium.domain.jwt.JwtException;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.permission.SubjectPermission;

import java.util.List;

/**
 * Which clients auth callout decides, as nats-server's deferred check at the end of
 * {@code processClientOrLeafAuthentication}: in config mode every client the configuration did not place in an
 * account other than the global one (or placed in one of {@code allowed_accounts}), in operator mode every client
 * whose user JWT let it in an account with a callout ({@link OperatorCallouts}), except the callout's own
 * {@code auth_users}, whose own credentials decide; and what the request tells the service about the client.
 */
final class ClientCallout {

    /** Where callout requests go: clients in the callout account may not publish there themselves. */
    static final String SUBJECT = "$SYS.REQ.USER.AUTH";

    private ClientCallout() {
    }

    /** The callout in force for this decision: the configuration's, or in operator mode its account JWT's. */
    static AuthCalloutSettings inForce(ServerContext server, boolean operatorMode, AuthDecision decision) {
        return operatorMode ? OperatorCallouts.of(server, decision) : server.settings().authorization().callout();
    }

    /** Whether the callout decides this client instead of {@code decision}. */
    static boolean decides(AuthCalloutSettings callout, boolean operatorMode, AuthDecision decision,
            ClientCredentials credentials) {
        if (callout == null) {
            return false;
        }
        if (operatorMode) {
            // The account's allowed_accounts bound where the callout places users, not who is asked about.
            return !callout.authUsers().contains(rawAuthUser(credentials, decision));
        }
        if (decision instanceof Authenticated in && !in.account().equals(AccountsSettings.GLOBAL_ACCOUNT)
                && !callout.allowedAccounts().isEmpty() && !callout.allowedAccounts().contains(in.account())) {
            return false;
        }
        return !callout.authUsers().contains(rawAuthUser(credentials, decision));
    }

    /**
     * A client let in the callout account (an auth user, or one the callout placed there) may not publish requests
     * to the callout itself, as nats-server's {@code mergeDenyPermissions}.
     */
    static AuthDecision inCalloutAccount(AuthCalloutSettings callout, AuthDecision decision) {
        if (callout == null || !(decision instanceof Authenticated in) || !in.account().equals(callout.account())) {
            return decision;
        }
        Permissions granted = in.permissions();
        SubjectPermission publish = granted.publish() == null ? SubjectPermission.denying(SUBJECT)
                : granted.publish().andDenying(SUBJECT);
        return new Authenticated(in.method(), in.identity(), in.account(),
                Permissions.of(publish, granted.subscribe(), granted.responses()), in.jwt());
    }

    /**
     * nats-server's {@code getRawAuthUser} of what the client sent: a user JWT counts as its subject once it let the
     * client in (nats-server's {@code pubKey}), as nothing otherwise; a client that presented nothing and was let in
     * as the {@code no_auth_user} counts as that user, whose name nats-server writes into its options.
     */
    static String rawAuthUser(ClientCredentials credentials, AuthDecision decision) {
        boolean presentedNothing = credentials.user().isEmpty() && credentials.password().isEmpty()
                && credentials.authToken().isEmpty() && credentials.nkey().isEmpty() && credentials.jwt().isEmpty();
        if (presentedNothing && decision instanceof Authenticated in
                && (in.method() == AuthMethod.USER || in.method() == AuthMethod.NKEY)) {
            return in.identity();
        }
        return presentedAuthUser(credentials, decision);
    }

    private static String presentedAuthUser(ClientCredentials credentials, AuthDecision decision) {
        if (!credentials.nkey().isEmpty()) {
            return credentials.nkey();
        }
        if (!credentials.user().isEmpty()) {
            return credentials.user();
        }
        if (!credentials.jwt().isEmpty()) {
            return decision instanceof Authenticated in && in.method() == AuthMethod.JWT ? in.identity() : "";
        }
        return credentials.authToken();
    }

    /** The client's part of the request: its information, CONNECT and TLS state (nats-server's fill functions). */
    static AuthorizationRequest request(ClientConnection connection, String nonce, AuthDecision decision) {
        ClientOptions options = connection.options();
        RegisteredConnection registered = connection.registered();
        String user = rawAuthUser(connection.credentials(), decision);
        // An MQTT client's id is its mqtt_id, not a name; its password is sent as a JWT only when it is a user JWT.
        boolean mqtt = clientType(connection.connectionType()).equals("mqtt");
        String name = mqtt ? "" : options.name;
        String jwt = mqtt && !isUserJwt(options.jwt) ? "" : options.jwt;
        AuthorizationRequest.Client client = new AuthorizationRequest.Client(registered.remoteHost(),
                registered.id(), user, name, List.of(), "", "Client", clientType(connection.connectionType()),
                mqtt ? options.name : "", options.sig.isEmpty() ? "" : nonce);
        AuthorizationRequest.Connect connect = new AuthorizationRequest.Connect(jwt, options.nkey,
                options.sig, options.authToken, options.user, options.pass, name, options.lang,
                options.version, options.protocol);
        TlsState tls = registered.tlsState();
        // Go lists the client's certificates under certs only when it verified no chain; a client-port listener
        // asks for certificates only to verify them, so Natrium always has them as verified chains.
        AuthorizationRequest.Tls tlsPart = tls == null ? null
                : new AuthorizationRequest.Tls(tls.version(), tls.cipherSuite(), List.of(), tls.verifiedChains());
        return new AuthorizationRequest(null, null, null, client, connect, tlsPart);
    }

    private static boolean isUserJwt(String token) {
        if (token.isEmpty()) {
            return false;
        }
        try {
            JwtDecoder.decodeUser(token);
            return true;
        } catch (JwtException notOne) {
            return false;
        }
    }

    /** nats-server's {@code clientTypeString}. */
    private static String clientType(ConnectionType type) {
        return switch (type) {
            case WEBSOCKET -> "websocket";
            case MQTT, MQTT_WS -> "mqtt";
            case LEAFNODE, LEAFNODE_WS -> "leafnode";
            default -> "nats";
        };
    }
}
