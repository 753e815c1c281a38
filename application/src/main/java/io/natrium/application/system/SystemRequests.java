package io.natrium.application.system;

import io.natrium.application.account.Account;
import io.natrium.application.port.in.ReloadUseCase;
import io.natrium.application.port.out.MonitoringReport;
import io.natrium.application.port.out.SystemServices;
import io.natrium.application.resolver.DirectoryResolver;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.SystemClient;
import io.natrium.application.session.SystemClient.Handler;

/**
 * The system client's subscriptions, in nats-server's order ({@code initEventTracking}), each with what it does on
 * a single server. Subjects that serve clusters, gateways or leaf nodes (remote servers' STATSZ, SHUTDOWN and
 * CONNS, leaf node connects, remote latency, the inboxes for answers of other servers)
 * are subscribed as nats-server 2.9.10 subscribes them, so /subsz lists the same, and have nothing to do here.
 * After them come the services of later versions Natrium answers too: IDZ, RELOAD, KICK and LDM, then the claim
 * services of a directory resolver ({@link ClaimRequests}).
 */
public final class SystemRequests {

    private static final MonitoringReport[] MONITORING = {MonitoringReport.VARZ, MonitoringReport.SUBSZ,
        MonitoringReport.CONNZ, MonitoringReport.ROUTEZ, MonitoringReport.GATEWAYZ, MonitoringReport.LEAFZ,
        MonitoringReport.ACCOUNTZ, MonitoringReport.JSZ, MonitoringReport.HEALTHZ};
    private static final MonitoringReport[] ACCOUNT_MONITORING = {MonitoringReport.ACCOUNT_SUBSZ,
        MonitoringReport.ACCOUNT_CONNZ, MonitoringReport.ACCOUNT_LEAFZ, MonitoringReport.ACCOUNT_JSZ,
        MonitoringReport.ACCOUNT_INFO, MonitoringReport.ACCOUNT_STATZ};

    private final ServerContext server;
    private final SystemServices services;
    private final ReloadUseCase reload;
    private final DirectoryResolver directory;

    /**
     * @param services the JSON side of the services (the monitoring adapter's)
     * @param reload   what RELOAD runs
     */
    public SystemRequests(ServerContext server, SystemServices services, ReloadUseCase reload) {
        this(server, services, reload, null);
    }

    /**
     * @param services  the JSON side of the services (the monitoring adapter's)
     * @param reload    what RELOAD runs
     * @param directory the directory resolver ({@code full} or {@code cache}) the claim services act on; null for
     *                  none (the memory resolver's claim updates are answered then, in operator mode)
     */
    public SystemRequests(ServerContext server, SystemServices services, ReloadUseCase reload,
            DirectoryResolver directory) {
        this.server = server;
        this.services = services;
        this.reload = reload;
        this.directory = directory;
    }

    /** On the system thread, once its client is open. */
    void subscribe(SystemClient client, SystemSendQueue queue, SystemAccountRuntime runtime, SystemEvents events) {
        SystemReplies replies = new SystemReplies(server, queue);
        MonitoringRequests monitoring = new MonitoringRequests(services, replies, runtime);
        ControlRequests control = new ControlRequests(server, services, replies, reload, events);
        String id = server.identity().id();
        String hash = server.identity().nameHash();
        Handler nothing = message -> {
        };
        AccountExpiry expiry = new AccountExpiry(server, client.executor(), directory,
                () -> System.currentTimeMillis() / 1000);
        ResolverPeers peers = directory == null ? null : new ResolverPeers(server, queue, directory, expiry);
        client.subscribe("$SYS._INBOX." + hash + ".*", peers == null ? nothing : peers::answered);
        client.subscribe("$SYS.SERVER.ACCOUNT.*.CONNS", nothing);
        client.subscribe("$SYS._INBOX_." + id, nothing);
        client.subscribe("$SYS.REQ.ACCOUNT.NSUBS", control::subscriberCount);
        client.subscribe("$SYS.SERVER.*.STATSZ", nothing);
        client.subscribe("$SYS.SERVER.*.SHUTDOWN", nothing);
        if (server.settings().operator().enabled()) {
            expiry.check();
            Account system = server.systemAccount();
            if (system != null) {
                server.registeredAccounts().register(system.name(), server.accountJwts());
            }
        }
        ClaimRequests claims = new ClaimRequests(server, queue, directory, expiry);
        if (directory == null) {
            // A directory resolver subscribes these itself, once the events run (nats-server's IsTrackingUpdate).
            Handler update = server.settings().operator().enabled() ? claims::updateForAccount : nothing;
            client.subscribe("$SYS.ACCOUNT.*.CLAIMS.UPDATE", update);
            client.subscribe("$SYS.REQ.ACCOUNT.*.CLAIMS.UPDATE", update);
        }
        client.subscribe("$SYS.REQ.SERVER.PING", monitoring::statsz);
        client.subscribe("$SYS.REQ.SERVER." + id + ".STATSZ", monitoring::statsz);
        client.subscribe("$SYS.REQ.SERVER.PING.STATSZ", monitoring::statsz);
        for (MonitoringReport service : MONITORING) {
            Handler handler = message -> monitoring.server(service, message);
            client.subscribe("$SYS.REQ.SERVER." + id + "." + service.name(), handler);
            client.subscribe("$SYS.REQ.SERVER.PING." + service.name(), handler);
        }
        for (MonitoringReport service : ACCOUNT_MONITORING) {
            client.subscribe("$SYS.REQ.ACCOUNT.*." + service.name().substring("ACCOUNT_".length()),
                    message -> monitoring.account(service, message));
        }
        client.subscribe("$SYS.REQ.ACCOUNT.*.CONNS", control::connections);
        client.subscribe("$SYS.REQ.ACCOUNT.PING.STATZ",
                message -> monitoring.server(MonitoringReport.ACCOUNTS_STATZ, message));
        client.subscribe("$SYS.ACCOUNT.*.LEAFNODE.CONNECT", nothing);
        client.subscribe("$SYS.LATENCY.M2." + hash, nothing);
        client.subscribe("$SYS.DEBUG.SUBSCRIBERS", nothing);
        // Later versions' services.
        client.subscribe("$SYS.REQ.SERVER." + id + ".IDZ", control::identity);
        client.subscribe("$SYS.REQ.SERVER.PING.IDZ", control::identity);
        client.subscribe("$SYS.REQ.SERVER." + id + ".RELOAD", control::reload);
        client.subscribe("$SYS.REQ.SERVER." + id + ".KICK", control::kick);
        client.subscribe("$SYS.REQ.SERVER." + id + ".LDM", control::lameDuck);
        if (directory != null) {
            claims.subscribeResolver(client, peers::answerPack);
            peers.start(client);
        }
    }
}
