package io.natrium.bootstrap.wiring;

import io.natrium.adapter.monitor.MonitoringServer;
import io.natrium.adapter.tls.OcspPeerVerifier;
import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.ConnectionQueryUseCase;
import io.natrium.application.port.in.MqttStatusQueryUseCase;
import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.SubscriptionQueryUseCase;
import io.natrium.application.server.ServerContext;
import io.natrium.application.service.AccountQueryService;
import io.natrium.application.service.ConnectionQueryService;
import io.natrium.application.service.MonitoringClock;
import io.natrium.application.service.MqttStatusService;
import io.natrium.application.service.ServerStatusService;
import io.natrium.application.service.SubscriptionQueryService;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * The monitoring query services and the HTTP monitoring server. The server is always wired; it binds only when
 * monitoring is configured.
 */
public final class MonitorModule extends AbstractModule {

    private final String basePath;

    /** @param basePath {@code http_base_path}, empty for the root */
    public MonitorModule(String basePath) {
        this.basePath = basePath;
    }

    /** Anchored when the injector is built, which is when the server starts (singletons are eager). */
    @Provides
    @Singleton
    MonitoringClock monitoringClock() {
        return MonitoringClock.system();
    }

    @Provides
    @Singleton
    ServerStatusQueryUseCase serverStatus(ServerContext context, MonitoringClock clock, OcspPeerVerifier ocspPeers) {
        return new ServerStatusService(context, clock, ocspPeers::cacheCounters);
    }

    @Provides
    @Singleton
    ConnectionQueryUseCase connectionQuery(ServerContext context, MonitoringClock clock) {
        return new ConnectionQueryService(context, clock);
    }

    @Provides
    @Singleton
    SubscriptionQueryUseCase subscriptionQuery(ServerContext context, MonitoringClock clock) {
        return new SubscriptionQueryService(context, clock);
    }

    @Provides
    @Singleton
    AccountQueryUseCase accountQuery(ServerContext context, MonitoringClock clock) {
        return new AccountQueryService(context, clock);
    }

    @Provides
    @Singleton
    MqttStatusQueryUseCase mqttStatus(MqttListener mqtt) {
        return new MqttStatusService(mqtt.statistics());
    }

    @Provides
    @Singleton
    MonitoringServer monitoringServer(ServerStatusQueryUseCase status, ConnectionQueryUseCase connections,
            SubscriptionQueryUseCase subscriptions, AccountQueryUseCase accounts, MqttStatusQueryUseCase mqtt) {
        return new MonitoringServer(status, connections, subscriptions, accounts, mqtt, basePath);
    }
}
