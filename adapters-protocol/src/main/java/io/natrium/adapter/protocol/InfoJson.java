package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.text.GoStrings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * INFO as nats-server writes it: compact, fields in the order of its {@code Info} struct, {@code omitempty} fields
 * left out when empty, strings escaped as Go's encoder escapes them (including {@code <}, {@code >} and {@code &}).
 * Written by hand rather than through Jackson: INFO is the first thing a client waits for, and loading a JSON
 * library for it would cost a new server a good part of its start-up budget.
 */
final class InfoJson {

    private InfoJson() {
    }

    /** The INFO JSON as bytes; see {@link #encode(ServerInfo, ByteBuf)}. */
    static byte[] encode(ServerInfo info) {
        ByteBuf out = Unpooled.buffer(512);
        try {
            encode(info, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /**
     * Writes the INFO JSON straight into {@code out} (a client's pending buffer), allocating nothing for the usual
     * INFO: every client gets one at its connect, and a client of protocol 1 a second after its first PONG, so a
     * built string and its copies would be most of what a connection allocates.
     */
    static void encode(ServerInfo info, ByteBuf out) {
        Writer json = new Writer(out);
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

    /** A compact JSON object writer for the few value types INFO has, writing bytes into a buffer. */
    private static final class Writer {
        private final ByteBuf out;
        private boolean first = true;

        Writer(ByteBuf out) {
            this.out = out;
            out.writeByte('{');
        }

        void string(String name, String value) {
            name(name);
            quote(value == null ? "" : value);
        }

        void optional(String name, String value) {
            if (value != null && !value.isEmpty()) {
                string(name, value);
            }
        }

        void number(String name, long value) {
            name(name);
            if (value < 0) {
                out.writeByte('-');
            }
            WireFormat.writeDecimal(out, Math.abs(value));
        }

        void bool(String name, boolean value) {
            name(name);
            out.writeCharSequence(value ? "true" : "false", StandardCharsets.US_ASCII);
        }

        void optional(String name, boolean value) {
            if (value) {
                bool(name, true);
            }
        }

        void optional(String name, List<String> values) {
            if (values == null || values.isEmpty()) {
                return;
            }
            name(name);
            out.writeByte('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                quote(values.get(i));
            }
            out.writeByte(']');
        }

        void finish() {
            out.writeByte('}');
        }

        private void name(String name) {
            if (!first) {
                out.writeByte(',');
            }
            first = false;
            out.writeByte('"').writeCharSequence(name, StandardCharsets.US_ASCII);
            out.writeByte('"').writeByte(':');
        }

        /** Most values (ids, versions, hosts) need no escape and are written as they are; others as Go escapes. */
        private void quote(String value) {
            if (plainAscii(value)) {
                out.writeByte('"').writeCharSequence(value, StandardCharsets.US_ASCII);
                out.writeByte('"');
            } else {
                out.writeCharSequence(GoStrings.jsonString(value), StandardCharsets.UTF_8);
            }
        }

        private static boolean plainAscii(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e || GoStrings.jsonEscape(c) != null) {
                    return false;
                }
            }
            return true;
        }
    }
}
