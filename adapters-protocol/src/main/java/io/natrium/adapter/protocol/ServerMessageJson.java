package io.natrium.adapter.protocol;

import io.natrium.adapter.json.GoCharacterEscapes;
import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.port.out.ServiceLatencyReport;
import io.natrium.domain.text.GoTimes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * nats-server's {@code ClientInfo} and {@code ServiceLatency} structs as {@code encoding/json} writes them: compact,
 * fields in the structs' order, {@code omitempty} fields left out when empty, times in RFC 3339 with nanoseconds,
 * durations as nanoseconds, map keys sorted, strings escaped as Go escapes them.
 */
final class ServerMessageJson {

    private static final String SERVICE_LATENCY_TYPE = "io.nats.server.metric.v1.service_latency";
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new GoCharacterEscapes())
            .build();

    private ServerMessageJson() {
    }

    static String clientInfo(ClientInfo client) {
        return write(json -> clientInfo(json, client));
    }

    static String serviceLatency(ServiceLatencyReport report) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("type", SERVICE_LATENCY_TYPE);
            json.writeStringField("id", report.id());
            time(json, "timestamp", report.timestamp());
            json.writeNumberField("status", report.status());
            optional(json, "description", report.description());
            if (report.requestor() != null) {
                json.writeFieldName("requestor");
                clientInfo(json, report.requestor());
            }
            if (report.responder() != null) {
                json.writeFieldName("responder");
                clientInfo(json, report.responder());
            }
            header(json, report.header());
            time(json, "start", report.start());
            json.writeNumberField("service", report.serviceNanos());
            json.writeNumberField("system", report.systemNanos());
            json.writeNumberField("total", report.totalNanos());
            json.writeEndObject();
        });
    }

    static void clientInfo(JsonGenerator json, ClientInfo client) throws IOException {
        json.writeStartObject();
        if (client.start() != null) {
            time(json, "start", client.start());
        }
        optional(json, "host", client.host());
        optional(json, "id", client.id());
        json.writeStringField("acc", client.account());
        optional(json, "user", client.user());
        optional(json, "name", client.name());
        optional(json, "lang", client.lang());
        optional(json, "ver", client.version());
        optional(json, "rtt", client.rttNanos());
        optional(json, "server", client.server());
        if (client.stop() != null) {
            time(json, "stop", client.stop());
        }
        optional(json, "kind", client.kind());
        optional(json, "client_type", client.clientType());
        json.writeEndObject();
    }

    /** An {@code http.Header}: each key, in sorted order, with its list of values. */
    private static void header(JsonGenerator json, Map<String, List<String>> header) throws IOException {
        if (header == null || header.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart("header");
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(header).entrySet()) {
            json.writeArrayFieldStart(entry.getKey());
            for (String value : entry.getValue()) {
                json.writeString(value);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    static void time(JsonGenerator json, String name, Instant time) throws IOException {
        json.writeStringField(name, GoTimes.rfc3339Nano(time));
    }

    static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            json.writeStringField(name, value);
        }
    }

    static void optional(JsonGenerator json, String name, long value) throws IOException {
        if (value != 0) {
            json.writeNumberField(name, value);
        }
    }

    static String write(Writing writing) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            writing.to(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a server message as JSON", e);
        }
        return text.toString();
    }

    @FunctionalInterface
    interface Writing {
        void to(JsonGenerator json) throws IOException;
    }
}
