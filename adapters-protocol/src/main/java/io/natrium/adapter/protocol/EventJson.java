package io.natrium.adapter.protocol;

import io.natrium.application.port.out.AccountConnections;
import io.natrium.application.port.out.ClientEvent;
import io.natrium.application.port.out.DataStats;
import io.natrium.application.port.out.EventServer;
import io.natrium.application.port.out.ServerStats;
import io.natrium.domain.text.GoFloats;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;

/**
 * The system account's events and replies as nats-server's {@code encoding/json} writes the structs of
 * {@code server/events.go}: fields in struct order, {@code omitempty} honoured, compact.
 */
final class EventJson {

    private static final String CONNECT_TYPE = "io.nats.server.advisory.v1.client_connect";
    private static final String DISCONNECT_TYPE = "io.nats.server.advisory.v1.client_disconnect";
    private static final String CONNECTIONS_TYPE = "io.nats.server.advisory.v1.account_connections";

    private static final int OK = 200;

    private EventJson() {
    }

    static String clientEvent(ClientEvent event) {
        return ServerMessageJson.write(json -> {
            json.writeStartObject();
            typed(json, event.connect() ? CONNECT_TYPE : DISCONNECT_TYPE, event.id(), event);
            server(json, event.server());
            json.writeFieldName("client");
            ServerMessageJson.clientInfo(json, event.client());
            if (!event.connect()) {
                stats(json, "sent", event.sent());
                stats(json, "received", event.received());
                json.writeStringField("reason", event.reason());
            }
            json.writeEndObject();
        });
    }

    static String accountConnections(AccountConnections event) {
        return ServerMessageJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", CONNECTIONS_TYPE);
            json.writeStringField("id", event.id());
            ServerMessageJson.time(json, "timestamp", event.timestamp());
            server(json, event.server());
            json.writeStringField("acc", event.account());
            json.writeNumberField("conns", event.connections());
            json.writeNumberField("leafnodes", event.leafNodes());
            json.writeNumberField("total_conns", event.totalConnections());
            stats(json, "sent", event.sent());
            stats(json, "received", event.received());
            json.writeNumberField("slow_consumers", event.slowConsumers());
            json.writeEndObject();
        });
    }

    static String serverStats(EventServer server, ServerStats stats) {
        return ServerMessageJson.write(json -> {
            json.writeStartObject();
            server(json, server);
            json.writeObjectFieldStart("statsz");
            ServerMessageJson.time(json, "start", stats.start());
            json.writeNumberField("mem", stats.memory());
            json.writeNumberField("cores", stats.cores());
            json.writeFieldName("cpu");
            json.writeRawValue(GoFloats.json(stats.cpu()));
            json.writeNumberField("connections", stats.connections());
            json.writeNumberField("total_connections", stats.totalConnections());
            json.writeNumberField("active_accounts", stats.activeAccounts());
            json.writeNumberField("subscriptions", stats.subscriptions());
            stats(json, "sent", stats.sent());
            stats(json, "received", stats.received());
            json.writeNumberField("slow_consumers", stats.slowConsumers());
            // nats-server counts itself among the active servers; alone, it is the only one.
            json.writeNumberField("active_servers", 1);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    static String serverOnly(EventServer server) {
        return ServerMessageJson.write(json -> serverObject(json, server));
    }

    /** nats-server's {@code accNumConnsReq}: the server header and the account. */
    static String accountConnectionsRequest(EventServer server, String account) {
        return ServerMessageJson.write(json -> {
            json.writeStartObject();
            server(json, server);
            json.writeStringField("acc", account);
            json.writeEndObject();
        });
    }

    /** nats-server's {@code ServerID}, IDZ's reply. */
    static String serverIdentity(String name, String host, String id) {
        return ServerMessageJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeStringField("host", host);
            json.writeStringField("id", id);
            json.writeEndObject();
        });
    }

    /** A JSON number alone. */
    static String count(long count) {
        return ServerMessageJson.write(json -> json.writeNumber(count));
    }

    /** {@code ServerAPIResponse}: the data is JSON written by its own writer and goes in as it is. */
    static String apiResponse(EventServer server, String data, int errorCode, String errorDescription) {
        return ServerMessageJson.write(json -> {
            json.writeStartObject();
            server(json, server);
            if (data != null) {
                json.writeFieldName("data");
                json.writeRawValue(data);
            }
            if (errorCode != 0) {
                json.writeObjectFieldStart("error");
                json.writeNumberField("code", errorCode);
                ServerMessageJson.optional(json, "description", errorDescription);
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    /**
     * A claim service's reply as nats-server's {@code respondToUpdate} marshals its map (keys sorted):
     * {@code {"data":{"account","code","message"},"server"}} or {@code {"error":{"account","code","description"}, …}}.
     */
    static String claimUpdate(EventServer server, String account, int code, String text) {
        return ServerMessageJson.write(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart(code == OK ? "data" : "error");
            ServerMessageJson.optional(json, "account", account);
            json.writeNumberField("code", code);
            json.writeStringField(code == OK ? "message" : "description", text);
            json.writeEndObject();
            server(json, server);
            json.writeEndObject();
        });
    }

    /** CLAIMS.LIST's reply, {@code {"data":[accounts],"server":…}}. */
    static String claimList(EventServer server, List<String> accounts) {
        return ServerMessageJson.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("data");
            for (String account : accounts) {
                json.writeString(account);
            }
            json.writeEndArray();
            server(json, server);
            json.writeEndObject();
        });
    }

    private static void typed(JsonGenerator json, String type, String id, ClientEvent event) throws IOException {
        json.writeStringField("type", type);
        json.writeStringField("id", id);
        ServerMessageJson.time(json, "timestamp", event.timestamp());
    }

    static void server(JsonGenerator json, EventServer server) throws IOException {
        json.writeFieldName("server");
        serverObject(json, server);
    }

    private static void serverObject(JsonGenerator json, EventServer server) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", server.name());
        json.writeStringField("host", server.host());
        json.writeStringField("id", server.id());
        json.writeStringField("ver", server.version());
        json.writeNumberField("seq", server.seq());
        json.writeBooleanField("jetstream", server.jetStream());
        ServerMessageJson.time(json, "time", server.time());
        json.writeEndObject();
    }

    private static void stats(JsonGenerator json, String name, DataStats stats) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("msgs", stats.messages());
        json.writeNumberField("bytes", stats.bytes());
        json.writeEndObject();
    }
}
