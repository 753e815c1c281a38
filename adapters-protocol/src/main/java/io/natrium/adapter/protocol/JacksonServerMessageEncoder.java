package io.natrium.adapter.protocol;

import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.port.out.ServerMessageEncoder;
import io.natrium.application.port.out.ServiceLatencyReport;

import java.nio.charset.StandardCharsets;

/**
 * The messages the server publishes itself, in nats-server's JSON, written by {@link ServerMessageJson}. This class
 * names no Jackson type, so that building it at start loads no JSON library: Jackson comes with the first request
 * that crosses a service import.
 */
public final class JacksonServerMessageEncoder implements ServerMessageEncoder {

    @Override
    public String clientInfo(ClientInfo client) {
        return ServerMessageJson.clientInfo(client);
    }

    @Override
    public byte[] serviceLatency(ServiceLatencyReport report) {
        return ServerMessageJson.serviceLatency(report).getBytes(StandardCharsets.UTF_8);
    }
}
