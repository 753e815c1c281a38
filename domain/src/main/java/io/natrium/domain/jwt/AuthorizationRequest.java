package io.natrium.domain.jwt;

import io.natrium.domain.auth.NKeySeed;

import java.util.List;

/**
 * What auth callout asks its service, the JWT library's {@code AuthorizationRequestClaims}: the server, the user
 * key the response must name, the client and its CONNECT, and its TLS state. Signed by the server's own key, whose
 * public key is the server id; the audience is {@code nats-authorization-request}.
 *
 * @param subject  the JWT's subject: the callout's issuer account in config mode
 * @param server   the server asking
 * @param userNkey the fresh user key the response's user JWT must have as subject (a reply for another request
 *                 cannot be replayed for this one)
 * @param client   who connected
 * @param connect  its CONNECT
 * @param tls      its TLS state; null without TLS
 */
public record AuthorizationRequest(String subject, Server server, String userNkey, Client client, Connect connect,
        Tls tls) {

    public static final String AUDIENCE = "nats-authorization-request";
    private static final String TYPE = "authorization_request";
    private static final int VERSION = 2;

    /** The JWT library's {@code ServerID}. */
    public record Server(String name, String host, String id, String version, String cluster, List<String> tags,
            String xkey) {
    }

    /** The JWT library's {@code ClientInformation}. */
    public record Client(String host, long id, String user, String name, List<String> tags, String nameTag,
            String kind, String type, String mqttId, String nonce) {
    }

    /** The JWT library's {@code ConnectOptions}. */
    public record Connect(String jwt, String nkey, String signedNonce, String token, String user, String password,
            String name, String lang, String version, int protocol) {
    }

    /** The JWT library's {@code ClientTLS}: PEM certificates, the verified chains when there are some. */
    public record Tls(String version, String cipher, List<String> certs, List<List<String>> verifiedChains) {
    }

    /** The request as a JWT signed by {@code serverKey}, issued at {@code issuedAt}, expiring at {@code expires}. */
    public String encode(NKeySeed serverKey, long issuedAt, long expires) {
        String issuer = serverKey.publicKey().encoded();
        return JwtEncoder.encode(id -> JsonObjectWriter.object(claims -> claims
                .optional("aud", AUDIENCE)
                .optional("exp", expires)
                .optional("jti", id)
                .optional("iat", issuedAt)
                .optional("iss", issuer)
                .optional("sub", subject)
                .object("nats", this::nats)), serverKey);
    }

    private void nats(JsonObjectWriter nats) {
        nats.object("server_id", out -> out.string("name", server.name).string("host", server.host)
                        .string("id", server.id).optional("version", server.version)
                        .optional("cluster", server.cluster).optional("tags", server.tags)
                        .optional("xkey", server.xkey))
                .string("user_nkey", userNkey)
                .object("client_info", out -> out.optional("host", client.host).optional("id", client.id)
                        .optional("user", client.user).optional("name", client.name)
                        .optional("tags", client.tags).optional("name_tag", client.nameTag)
                        .optional("kind", client.kind).optional("type", client.type)
                        .optional("mqtt_id", client.mqttId).optional("nonce", client.nonce))
                .object("connect_opts", out -> out.optional("jwt", connect.jwt).optional("nkey", connect.nkey)
                        .optional("sig", connect.signedNonce).optional("auth_token", connect.token)
                        .optional("user", connect.user).optional("pass", connect.password)
                        .optional("name", connect.name).optional("lang", connect.lang)
                        .optional("version", connect.version).number("protocol", connect.protocol));
        if (tls != null) {
            nats.object("client_tls", out -> out.optional("version", tls.version).optional("cipher", tls.cipher)
                    .optional("certs", tls.certs).optionalLists("verified_chains", tls.verifiedChains));
        }
        nats.string("type", TYPE).number("version", VERSION);
    }
}
