package io.natrium.application.settings;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Everything the server is configured with, with nats-server's defaults, grouped by concern. Immutable;
 * {@link #builder()} and {@link #toBuilder()} make changed copies. The most used options ({@link #host()},
 * {@link #port()}, {@link #maxPayload()}, ...) are read through to their group by {@link FrequentOptions} and set by
 * {@link FrequentOptionSetters}. The builder stays beside the record so that a group is added in one file.
 *
 * @param network where clients connect and the server's name
 * @param limits size and count limits
 * @param keepAlive pings of idle clients
 * @param writes write deadline and its policy
 * @param lameDuck lame-duck mode
 * @param noHeaderSupport true to refuse message headers ({@code no_header_support})
 * @param noSublistCache true to match without the shared result cache ({@code disable_sublist_cache})
 * @param processFiles pid and ports files
 * @param monitoring the HTTP(S) monitoring endpoint
 * @param profiling Go's profiling port, accepted for compatibility
 * @param logging what is logged and how
 * @param authorization the {@code authorization} block
 * @param accounts accounts, global mappings, system account, no-auth user
 * @param tls the client listener's TLS; null for none
 * @param allowNonTls with TLS, also accept clients that do not upgrade ({@code allow_non_tls})
 * @param ocsp OCSP stapling; null when not configured
 * @param ocspCache the OCSP response cache; null when not configured
 * @param websocket the WebSocket listener
 * @param mqtt the MQTT listener
 * @param operator operators, trusted keys and the account resolver
 * @param proxies trusted proxies
 * @param metadata server tags, metadata and feature flags
 * @param origin the configuration file and the options the command line set
 */
public record ServerSettings(
        NetworkSettings network,
        LimitSettings limits,
        KeepAliveSettings keepAlive,
        WriteSettings writes,
        LameDuckSettings lameDuck,
        boolean noHeaderSupport,
        boolean noSublistCache,
        ProcessFileSettings processFiles,
        MonitoringSettings monitoring,
        ProfilingSettings profiling,
        LoggingSettings logging,
        AuthorizationSettings authorization,
        AccountsSettings accounts,
        TlsSettings tls,
        boolean allowNonTls,
        OcspSettings ocsp,
        OcspCacheSettings ocspCache,
        WebsocketSettings websocket,
        MqttSettings mqtt,
        OperatorSettings operator,
        ProxiesSettings proxies,
        MetadataSettings metadata,
        SettingsOrigin origin) implements FrequentOptions {

    public static final String DEFAULT_HOST = NetworkSettings.DEFAULT_HOST;
    public static final int DEFAULT_PORT = NetworkSettings.DEFAULT_PORT;
    public static final int DEFAULT_MAX_PAYLOAD = LimitSettings.DEFAULT_MAX_PAYLOAD;
    public static final int DEFAULT_MAX_CONTROL_LINE = LimitSettings.DEFAULT_MAX_CONTROL_LINE;
    public static final long DEFAULT_MAX_PENDING = LimitSettings.DEFAULT_MAX_PENDING;
    public static final int DEFAULT_MAX_CONNECTIONS = LimitSettings.DEFAULT_MAX_CONNECTIONS;
    /** nats-server's AUTH_TIMEOUT, used when neither the authorization block nor TLS says otherwise. */
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(2);

    public static ServerSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * How long a client has to authenticate: the authorization block's timeout, else the TLS handshake timeout
     * plus one second with TLS, else 2 seconds, as nats-server decides it.
     */
    public Duration authTimeout() {
        if (!authorization.timeout().isZero()) {
            return authorization.timeout();
        }
        return tls == null ? DEFAULT_AUTH_TIMEOUT : tls.handshake().timeout().plusSeconds(1);
    }

    /** Builds settings field by field, starting from nats-server's defaults. */
    public static final class Builder implements FrequentOptionSetters {
        private NetworkSettings network = NetworkSettings.defaults();
        private LimitSettings limits = LimitSettings.defaults();
        private KeepAliveSettings keepAlive = KeepAliveSettings.defaults();
        private WriteSettings writes = WriteSettings.defaults();
        private LameDuckSettings lameDuck = LameDuckSettings.defaults();
        private boolean noHeaderSupport;
        private boolean noSublistCache;
        private ProcessFileSettings processFiles = ProcessFileSettings.none();
        private MonitoringSettings monitoring = MonitoringSettings.disabled();
        private ProfilingSettings profiling = ProfilingSettings.disabled();
        private LoggingSettings logging = LoggingSettings.defaults();
        private AuthorizationSettings authorization = AuthorizationSettings.none();
        private AccountsSettings accounts = AccountsSettings.none();
        private TlsSettings tls;
        private boolean allowNonTls;
        private OcspSettings ocsp;
        private OcspCacheSettings ocspCache;
        private WebsocketSettings websocket = WebsocketSettings.disabled();
        private MqttSettings mqtt = MqttSettings.disabled();
        private OperatorSettings operator = OperatorSettings.none();
        private ProxiesSettings proxies = ProxiesSettings.none();
        private MetadataSettings metadata = MetadataSettings.none();
        private SettingsOrigin origin = SettingsOrigin.defaults();

        private Builder() {
        }

        private Builder(ServerSettings settings) {
            network = settings.network;
            limits = settings.limits;
            keepAlive = settings.keepAlive;
            writes = settings.writes;
            lameDuck = settings.lameDuck;
            noHeaderSupport = settings.noHeaderSupport;
            noSublistCache = settings.noSublistCache;
            processFiles = settings.processFiles;
            monitoring = settings.monitoring;
            profiling = settings.profiling;
            logging = settings.logging;
            authorization = settings.authorization;
            accounts = settings.accounts;
            tls = settings.tls;
            allowNonTls = settings.allowNonTls;
            ocsp = settings.ocsp;
            ocspCache = settings.ocspCache;
            websocket = settings.websocket;
            mqtt = settings.mqtt;
            operator = settings.operator;
            proxies = settings.proxies;
            metadata = settings.metadata;
            origin = settings.origin;
        }

        public Builder network(NetworkSettings value) {
            network = value;
            return this;
        }

        /** Changes the current network settings. */
        @Override
        public Builder network(UnaryOperator<NetworkSettings> change) {
            network = change.apply(network);
            return this;
        }

        public Builder limits(LimitSettings value) {
            limits = value;
            return this;
        }

        /** Changes the current limits settings. */
        @Override
        public Builder limits(UnaryOperator<LimitSettings> change) {
            limits = change.apply(limits);
            return this;
        }

        public Builder keepAlive(KeepAliveSettings value) {
            keepAlive = value;
            return this;
        }

        /** Changes the current keepAlive settings. */
        @Override
        public Builder keepAlive(UnaryOperator<KeepAliveSettings> change) {
            keepAlive = change.apply(keepAlive);
            return this;
        }

        public Builder writes(WriteSettings value) {
            writes = value;
            return this;
        }

        /** Changes the current writes settings. */
        @Override
        public Builder writes(UnaryOperator<WriteSettings> change) {
            writes = change.apply(writes);
            return this;
        }

        public Builder lameDuck(LameDuckSettings value) {
            lameDuck = value;
            return this;
        }

        /** Changes the current lameDuck settings. */
        @Override
        public Builder lameDuck(UnaryOperator<LameDuckSettings> change) {
            lameDuck = change.apply(lameDuck);
            return this;
        }

        public Builder noHeaderSupport(boolean value) {
            noHeaderSupport = value;
            return this;
        }

        public Builder noSublistCache(boolean value) {
            noSublistCache = value;
            return this;
        }

        public Builder processFiles(ProcessFileSettings value) {
            processFiles = value;
            return this;
        }

        /** Changes the current processFiles settings. */
        public Builder processFiles(UnaryOperator<ProcessFileSettings> change) {
            processFiles = change.apply(processFiles);
            return this;
        }

        public Builder monitoring(MonitoringSettings value) {
            monitoring = value;
            return this;
        }

        /** Changes the current monitoring settings. */
        public Builder monitoring(UnaryOperator<MonitoringSettings> change) {
            monitoring = change.apply(monitoring);
            return this;
        }

        public Builder profiling(ProfilingSettings value) {
            profiling = value;
            return this;
        }

        /** Changes the current profiling settings. */
        public Builder profiling(UnaryOperator<ProfilingSettings> change) {
            profiling = change.apply(profiling);
            return this;
        }

        public Builder logging(LoggingSettings value) {
            logging = value;
            return this;
        }

        /** Changes the current logging settings. */
        public Builder logging(UnaryOperator<LoggingSettings> change) {
            logging = change.apply(logging);
            return this;
        }

        public Builder authorization(AuthorizationSettings value) {
            authorization = value;
            return this;
        }

        /** Changes the current authorization settings. */
        public Builder authorization(UnaryOperator<AuthorizationSettings> change) {
            authorization = change.apply(authorization);
            return this;
        }

        public Builder accounts(AccountsSettings value) {
            accounts = value;
            return this;
        }

        /** Changes the current accounts settings. */
        public Builder accounts(UnaryOperator<AccountsSettings> change) {
            accounts = change.apply(accounts);
            return this;
        }

        public Builder tls(TlsSettings value) {
            tls = value;
            return this;
        }

        public Builder allowNonTls(boolean value) {
            allowNonTls = value;
            return this;
        }

        public Builder ocsp(OcspSettings value) {
            ocsp = value;
            return this;
        }

        public Builder ocspCache(OcspCacheSettings value) {
            ocspCache = value;
            return this;
        }

        public Builder websocket(WebsocketSettings value) {
            websocket = value;
            return this;
        }

        /** Changes the current websocket settings. */
        public Builder websocket(UnaryOperator<WebsocketSettings> change) {
            websocket = change.apply(websocket);
            return this;
        }

        public Builder mqtt(MqttSettings value) {
            mqtt = value;
            return this;
        }

        /** Changes the current mqtt settings. */
        public Builder mqtt(UnaryOperator<MqttSettings> change) {
            mqtt = change.apply(mqtt);
            return this;
        }

        public Builder operator(OperatorSettings value) {
            operator = value;
            return this;
        }

        /** Changes the current operator settings. */
        public Builder operator(UnaryOperator<OperatorSettings> change) {
            operator = change.apply(operator);
            return this;
        }

        public Builder proxies(ProxiesSettings value) {
            proxies = value;
            return this;
        }

        /** Changes the current proxies settings. */
        public Builder proxies(UnaryOperator<ProxiesSettings> change) {
            proxies = change.apply(proxies);
            return this;
        }

        public Builder metadata(MetadataSettings value) {
            metadata = value;
            return this;
        }

        /** Changes the current metadata settings. */
        public Builder metadata(UnaryOperator<MetadataSettings> change) {
            metadata = change.apply(metadata);
            return this;
        }

        public Builder origin(SettingsOrigin value) {
            origin = value;
            return this;
        }

        /** Changes the current origin settings. */
        public Builder origin(UnaryOperator<SettingsOrigin> change) {
            origin = change.apply(origin);
            return this;
        }

        public ServerSettings build() {
            return new ServerSettings(network, limits, keepAlive, writes, lameDuck, noHeaderSupport, noSublistCache,
                    processFiles, monitoring, profiling, logging, authorization, accounts, tls,
                    allowNonTls, ocsp, ocspCache, websocket, mqtt, operator, proxies, metadata,
                    origin);
        }
    }
}
