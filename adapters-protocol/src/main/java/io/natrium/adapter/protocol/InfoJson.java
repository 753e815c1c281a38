package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ServerInfo;
import io.netty.buffer.ByteBuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * INFO as nats-server writes it: compact, fields in the order of its {@code Info} struct, {@code omitempty} fields
 * left out when empty, strings escaped as Go's encoder escapes them (including {@code <}, {@code >} and {@code &}).
 * Written by hand rather than through Jackson: INFO is the first thing a client waits for, and loading a JSON
 * library for it would cost a new server a good part of its start-up budget.
 */
final class InfoJson {

    private InfoJson() {
    }

    /** The INFO JSON as bytes, written without Netty; see {@link #write}. */
    static byte[] encode(ServerInfo info) {
        ArrayJsonWriter json = new ArrayJsonWriter();
        write(info, json);
        return json.toByteArray();
    }

    /**
     * Writes the INFO JSON straight into {@code out} (a client's pending buffer), allocating nothing for the usual
     * INFO: every client gets one at its connect, and a client of protocol 1 a second after its first PONG, so a
     * built string and its copies would be most of what a connection allocates.
     */
    static void encode(ServerInfo info, ByteBuf out) {
        write(info, new ByteBufJsonWriter(out));
    }

    private static void write(ServerInfo info, JsonObjectWriter json) {
        json.start();
        json.string("server_id", info.serverId());
        json.string("server_name", info.serverName());
        json.string("version", info.version());
        json.number("proto", info.proto());
        json.optional("git_commit", info.gitCommit());
        json.string("go", info.go());
        json.string("host", info.host());
        json.number("port", info.port());
        json.bool("headers", info.headers());
        json.optional("auth_required", info.authRequired());
        json.optional("tls_required", info.tlsRequired());
        json.optional("tls_verify", info.tlsVerify());
        json.optional("tls_available", info.tlsAvailable());
        json.number("max_payload", info.maxPayload());
        json.optional("jetstream", info.jetStream());
        json.optional("ip", info.ip());
        if (info.clientId() != 0) {
            json.number("client_id", info.clientId());
        }
        json.optional("client_ip", info.clientIp());
        json.optional("nonce", info.nonce());
        json.optional("cluster", info.cluster());
        json.optional("domain", info.domain());
        json.optional("connect_urls", info.connectUrls());
        json.optional("ws_connect_urls", info.wsConnectUrls());
        json.optional("ldm", info.lameDuckMode());
        json.optional("connect_info", info.connectInfo());
        json.optional("remote_account", info.remoteAccount());
        json.optional("acc_is_sys", info.systemAccount());
        json.optional("xkey", info.xkey());
        json.finish();
    }

    /**
     * True when the bytes are one JSON object (or null) whose known fields have the types of nats-server's
     * {@code Info} struct, as nats-server requires of an INFO from a client.
     */
    static boolean isReadable(byte[] json) {
        try {
            // Like Go, a byte that is not UTF-8 is replaced, not an error.
            JsonNode root = Reader.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
            return root != null && (root.isNull() || root.isObject() && ClientInfoFields.decodable(root));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Holds the JSON reader, which only an INFO sent by a client needs: kept out of {@link InfoJson}'s own
     * initialisation so that writing the first INFO loads no JSON library.
     */
    private static final class Reader {
        static final ObjectMapper MAPPER = GoJsonMapper.create();
    }

    /**
     * What nats-server logs for an INFO it cannot read: Go's syntax error, else (for a field of another type)
     * {@code invalid INFO JSON}, where Go names the field and its type.
     */
    static String error(byte[] json) {
        String syntax = GoJsonSyntax.error(json);
        return syntax != null ? syntax : "invalid INFO JSON";
    }
}
