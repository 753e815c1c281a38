package io.natrium.adapter.protocol;

import io.natrium.application.port.out.AccountConnections;
import io.natrium.application.port.out.ClientEvent;
import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.port.out.EventServer;
import io.natrium.application.port.out.OcspPeerEvent;
import io.natrium.application.port.out.ServerStats;
import io.natrium.application.port.out.ServerMessageEncoder;
import io.natrium.application.port.out.ServiceLatencyReport;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

    @Override
    public byte[] clientEvent(ClientEvent event) {
        return utf8(EventJson.clientEvent(event));
    }

    @Override
    public byte[] accountConnections(AccountConnections event) {
        return utf8(EventJson.accountConnections(event));
    }

    @Override
    public byte[] ocspPeerEvent(OcspPeerEvent event) {
        return utf8(OcspPeerEventJson.write(event));
    }

    @Override
    public byte[] serverStats(EventServer server, ServerStats stats) {
        return utf8(EventJson.serverStats(server, stats));
    }

    @Override
    public byte[] serverOnly(EventServer server) {
        return utf8(EventJson.serverOnly(server));
    }

    @Override
    public byte[] accountConnectionsRequest(EventServer server, String account) {
        return utf8(EventJson.accountConnectionsRequest(server, account));
    }

    @Override
    public byte[] serverIdentity(String name, String host, String id) {
        return utf8(EventJson.serverIdentity(name, host, id));
    }

    @Override
    public byte[] count(long count) {
        return utf8(EventJson.count(count));
    }

    @Override
    public byte[] apiResponse(EventServer server, String data, int errorCode, String errorDescription) {
        return utf8(EventJson.apiResponse(server, data, errorCode, errorDescription));
    }

    @Override
    public byte[] claimUpdate(EventServer server, String account, int code, String text) {
        return utf8(EventJson.claimUpdate(server, account, code, text));
    }

    @Override
    public byte[] claimList(EventServer server, List<String> accounts) {
        return utf8(EventJson.claimList(server, accounts));
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
