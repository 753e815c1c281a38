package io.natrium.application.system;

import io.natrium.application.server.ServerContext;
import io.natrium.application.session.SystemClient;
import io.natrium.application.session.SystemClient.Handler;

/**
 * The system client's subscriptions, in nats-server's order ({@code initEventTracking}), each with what it does on
 * a single server. Subjects that serve clusters, gateways, leaf nodes or JWT resolvers (remote servers' STATSZ,
 * SHUTDOWN and CONNS, claim updates, leaf node connects, remote latency, the inboxes for answers of other servers)
 * are subscribed as nats-server subscribes them, so /subsz lists the same, and have nothing to do here.
 */
public final class SystemRequests {

    private static final String[] MONITORING = {"STATSZ", "VARZ", "SUBSZ", "CONNZ", "ROUTEZ", "GATEWAYZ", "LEAFZ",
        "ACCOUNTZ", "JSZ", "HEALTHZ"};
    private static final String[] ACCOUNT_SERVICES = {"SUBSZ", "CONNZ", "LEAFZ", "JSZ", "INFO", "STATZ", "CONNS"};

    private final ServerContext server;
    private SystemClient client;
    private SystemSendQueue queue;
    private SystemAccountRuntime runtime;

    public SystemRequests(ServerContext server) {
        this.server = server;
    }

    /** On the system thread, once its client is open. */
    void subscribe(SystemClient systemClient, SystemSendQueue sendQueue, SystemAccountRuntime systemRuntime) {
        this.client = systemClient;
        this.queue = sendQueue;
        this.runtime = systemRuntime;
        String id = server.identity().id();
        String hash = server.identity().nameHash();
        Handler nothing = message -> {
        };
        client.subscribe("$SYS._INBOX." + hash + ".*", nothing);
        client.subscribe("$SYS.SERVER.ACCOUNT.*.CONNS", nothing);
        client.subscribe("$SYS._INBOX_." + id, nothing);
        client.subscribe("$SYS.REQ.ACCOUNT.NSUBS", nothing);
        client.subscribe("$SYS.SERVER.*.STATSZ", nothing);
        client.subscribe("$SYS.SERVER.*.SHUTDOWN", nothing);
        client.subscribe("$SYS.ACCOUNT.*.CLAIMS.UPDATE", nothing);
        client.subscribe("$SYS.REQ.ACCOUNT.*.CLAIMS.UPDATE", nothing);
        client.subscribe("$SYS.REQ.SERVER.PING", this::statsz);
        for (String name : MONITORING) {
            Handler handler = name.equals("STATSZ") ? this::statsz : nothing;
            client.subscribe("$SYS.REQ.SERVER." + id + "." + name, handler);
            client.subscribe("$SYS.REQ.SERVER.PING." + name, handler);
        }
        for (String name : ACCOUNT_SERVICES) {
            client.subscribe("$SYS.REQ.ACCOUNT.*." + name, nothing);
        }
        client.subscribe("$SYS.REQ.ACCOUNT.PING.STATZ", nothing);
        client.subscribe("$SYS.ACCOUNT.*.LEAFNODE.CONNECT", nothing);
        client.subscribe("$SYS.LATENCY.M2." + hash, nothing);
        client.subscribe("$SYS.DEBUG.SUBSCRIBERS", nothing);
    }

    /** nats-server's {@code statszReq}: STATSZ to the reply subject, or broadcast when there is none. */
    private void statsz(SystemClient.Received request) {
        String reply = request.reply().isEmpty() ? "$SYS.SERVER." + server.identity().id() + ".STATSZ"
                : request.reply();
        runtime.sendStatsz(reply);
    }
}
