package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ServerInfo;
import io.natrium.domain.text.GoStrings;

import com.fasterxml.jackson.databind.DeserializationFeature;
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

    static byte[] encode(ServerInfo info) {
        Writer json = new Writer();
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
        return json.finish();
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
        static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A compact JSON object writer for the few value types INFO has. */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder(384).append('{');

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
            out.append(value);
        }

        void bool(String name, boolean value) {
            name(name);
            out.append(value);
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
            out.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                quote(values.get(i));
            }
            out.append(']');
        }

        byte[] finish() {
            return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }

        private void name(String name) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(name).append("\":");
        }

        private void quote(String value) {
            GoStrings.appendJsonString(out, value);
        }
    }
}
