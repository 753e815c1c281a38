package io.natrium.adapter.config;

import static io.natrium.adapter.config.ReloadRule.Policy.REFUSED;
import static io.natrium.adapter.config.ReloadRule.Policy.RELOADABLE;
import static io.natrium.adapter.config.ReloadRule.Policy.SPECIAL;

import io.natrium.adapter.config.ReloadRule.Policy;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;
import io.natrium.application.settings.TlsHandshakeSettings;
import io.natrium.application.settings.TlsSettings;
import io.natrium.application.settings.TlsVerifySettings;
import io.natrium.application.settings.UserSettings;
import io.natrium.application.settings.WebsocketSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which options a reload may change, as nats-server's {@code diffOptions} decides: logging, TLS, authorization,
 * accounts and most limits may; the listeners (host, port), the server name and a few limits may not.
 */
final class ReloadRules {

    private static final Map<Setting, ReloadRule> RULES = new EnumMap<>(Setting.class);

    static {
        rule(Setting.HOST, "Host", ServerSettings::host, REFUSED);
        rule(Setting.PORT, "Port", ServerSettings::port, SPECIAL);
        rule(Setting.SERVER_NAME, "ServerName", ServerSettings::serverName, REFUSED);
        rule(Setting.CLIENT_ADVERTISE, "ClientAdvertise", s -> s.network().clientAdvertise(), RELOADABLE);
        rule(Setting.PROXY_PROTOCOL, "ProxyProtocol", s -> s.network().proxyProtocol(), REFUSED);
        rule(Setting.MAX_CONTROL_LINE, "MaxControlLine", ServerSettings::maxControlLine, RELOADABLE);
        rule(Setting.MAX_PAYLOAD, "MaxPayload", ServerSettings::maxPayload, RELOADABLE);
        rule(Setting.MAX_PENDING, "MaxPending", ServerSettings::maxPending, REFUSED);
        rule(Setting.MAX_CONNECTIONS, "MaxConn", ServerSettings::maxConnections, RELOADABLE);
        rule(Setting.MAX_SUBSCRIPTIONS, "MaxSubs", ServerSettings::maxSubscriptions, REFUSED);
        rule(Setting.MAX_SUB_TOKENS, "MaxSubTokens", ServerSettings::maxSubTokens, REFUSED);
        rule(Setting.MAX_CLOSED_CLIENTS, "MaxClosedClients", s -> s.limits().maxClosedClients(), REFUSED);
        rule(Setting.PING_INTERVAL, "PingInterval", ServerSettings::pingInterval, RELOADABLE);
        rule(Setting.PING_MAX, "MaxPingsOut", ServerSettings::maxPingsOut, RELOADABLE);
        rule(Setting.WRITE_DEADLINE, "WriteDeadline", ServerSettings::writeDeadline, RELOADABLE);
        rule(Setting.WRITE_TIMEOUT, "WriteTimeout", s -> s.writes().timeoutPolicy(), REFUSED);
        rule(Setting.NO_FAST_PRODUCER_STALL, "NoFastProducerStall", s -> s.writes().noFastProducerStall(),
                RELOADABLE);
        rule(Setting.LAME_DUCK_DURATION, "LameDuckDuration", ServerSettings::lameDuckDuration, REFUSED);
        rule(Setting.LAME_DUCK_GRACE_PERIOD, "LameDuckGracePeriod", ServerSettings::lameDuckGracePeriod, REFUSED);
        rule(Setting.NO_HEADER_SUPPORT, "NoHeaderSupport", ServerSettings::noHeaderSupport, REFUSED);
        rule(Setting.DISABLE_SUBLIST_CACHE, "NoSublistCache", ServerSettings::noSublistCache, REFUSED);
        rule(Setting.PIDFILE, "PidFile", s -> s.processFiles().pidFile(), RELOADABLE);
        rule(Setting.PORTS_FILE_DIR, "PortsFileDir", s -> s.processFiles().portsFileDir(), RELOADABLE);
        rule(Setting.STORE_DIR, "StoreDir", s -> s.processFiles().storeDir(), REFUSED);
        rule(Setting.HTTP_HOST, "HTTPHost", s -> s.monitoring().host(), REFUSED);
        rule(Setting.HTTP_PORT, "HTTPPort", s -> s.monitoring().httpPort(), REFUSED);
        rule(Setting.HTTPS_PORT, "HTTPSPort", s -> s.monitoring().httpsPort(), REFUSED);
        rule(Setting.HTTP_BASE_PATH, "HTTPBasePath", s -> s.monitoring().basePath(), REFUSED);
        rule(Setting.PROF_PORT, "ProfPort", s -> s.profiling().port(), REFUSED);
        rule(Setting.PROF_BLOCK_RATE, "ProfBlockRate", s -> s.profiling().blockRate(), RELOADABLE);
        rule(Setting.DEBUG, "Debug", s -> s.logging().debug(), RELOADABLE);
        rule(Setting.TRACE, "Trace", s -> s.logging().trace(), RELOADABLE);
        rule(Setting.TRACE_VERBOSE, "TraceVerbose", s -> s.logging().traceVerbose(), RELOADABLE);
        rule(Setting.TRACE_HEADERS, "TraceHeaders", s -> s.logging().traceHeaders(), RELOADABLE);
        rule(Setting.LOGTIME, "Logtime", s -> s.logging().logTime(), RELOADABLE);
        rule(Setting.LOGTIME_UTC, "LogtimeUTC", s -> s.logging().logTimeUtc(), RELOADABLE);
        rule(Setting.LOGFILE, "LogFile", s -> s.logging().logFile(), RELOADABLE);
        rule(Setting.LOGFILE_SIZE_LIMIT, "LogSizeLimit", s -> s.logging().logSizeLimit(), REFUSED);
        rule(Setting.LOGFILE_MAX_NUM, "LogMaxFiles", s -> s.logging().logMaxFiles(), REFUSED);
        rule(Setting.SYSLOG, "Syslog", s -> s.logging().syslog(), RELOADABLE);
        rule(Setting.REMOTE_SYSLOG, "RemoteSyslog", s -> s.logging().remoteSyslog(), RELOADABLE);
        rule(Setting.MAX_TRACED_MSG_LEN, "MaxTracedMsgLen", s -> s.logging().maxTracedMsgLen(), RELOADABLE);
        rule(Setting.USER, "Username", s -> s.authorization().user(), RELOADABLE);
        rule(Setting.PASSWORD, "Password", s -> s.authorization().password(), RELOADABLE);
        rule(Setting.TOKEN, "Authorization", s -> s.authorization().token(), RELOADABLE);
        rule(Setting.AUTH_TIMEOUT, "AuthTimeout", ServerSettings::authTimeout, RELOADABLE);
        rule(Setting.USERS, "Users", s -> List.of(s.authorization().users(),
                Objects.toString(s.authorization().defaultPermissions())), RELOADABLE);
        rule(Setting.AUTH_CALLOUT, "AuthCallout", s -> s.authorization().callout(), REFUSED);
        rule(Setting.PROXY_REQUIRED, "ProxyRequired", s -> s.authorization().proxyRequired(), REFUSED);
        rule(Setting.ACCOUNTS, "Accounts", s -> s.accounts().accounts(), RELOADABLE);
        rule(Setting.MAPPINGS, "Accounts", s -> s.accounts().mappings(), RELOADABLE);
        rule(Setting.SYSTEM_ACCOUNT, "SystemAccount", ReloadRules::systemAccount, REFUSED);
        rule(Setting.NO_SYSTEM_ACCOUNT, "NoSystemAccount", s -> s.accounts().noSystemAccount(), REFUSED);
        rule(Setting.NO_AUTH_USER, "NoAuthUser", s -> s.accounts().noAuthUser(), SPECIAL);
        rule(Setting.DEFAULT_SENTINEL, "DefaultSentinel", s -> s.accounts().defaultSentinel(), RELOADABLE);
        rule(Setting.TLS_MAP, "TLSMap", s -> s.tls() != null && s.tls().verify().map(), REFUSED);
        rule(Setting.TLS, "TLSConfig", ServerSettings::tls, RELOADABLE);
        rule(Setting.TLS_PINNED_CERTS, "TLSPinnedCerts", ReloadRules::pinnedCerts, RELOADABLE);
        rule(Setting.ALLOW_NON_TLS, "AllowNonTLS", ServerSettings::allowNonTls, REFUSED);
        rule(Setting.OCSP, "OCSPConfig", ServerSettings::ocsp, RELOADABLE);
        rule(Setting.OCSP_CACHE, "OCSPCacheConfig", ServerSettings::ocspCache, RELOADABLE);
        rule(Setting.WEBSOCKET, "Websocket", ServerSettings::websocket, SPECIAL);
        rule(Setting.MQTT, "MQTT", ServerSettings::mqtt, SPECIAL);
        rule(Setting.OPERATOR, "TrustedOperators", s -> s.operator().operators(), REFUSED);
        rule(Setting.TRUSTED, "TrustedKeys", s -> s.operator().trustedKeys(), REFUSED);
        rule(Setting.RESOLVER, "AccountResolver", s -> s.operator().resolver(), SPECIAL);
        rule(Setting.RESOLVER_TLS, "AccountResolverTLSConfig", s -> s.operator().resolverTls(), RELOADABLE);
        rule(Setting.RESOLVER_PRELOAD, "resolverPreloads", s -> s.operator().resolverPreload(), RELOADABLE);
        rule(Setting.RESOLVER_PINNED_ACCOUNTS, "resolverPinnedAccounts",
                s -> s.operator().resolverPinnedAccounts(), RELOADABLE);
        rule(Setting.PROXIES, "Proxies", ServerSettings::proxies, RELOADABLE);
        rule(Setting.SERVER_TAGS, "Tags", s -> s.metadata().tags(), RELOADABLE);
        rule(Setting.SERVER_METADATA, "Metadata", s -> s.metadata().metadata(), RELOADABLE);
        rule(Setting.FEATURE_FLAGS, "FeatureFlags", s -> s.metadata().featureFlags(), REFUSED);
        List<Setting> missing = new ArrayList<>(Arrays.asList(Setting.values()));
        missing.removeAll(RULES.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no reload rule for " + missing);
        }
    }

    private ReloadRules() {
    }

    /** nats-server's {@code TLSPinnedCerts}: the set, or none (nil) without any. */
    static Set<String> pinnedCerts(ServerSettings settings) {
        if (settings.tls() == null || settings.tls().verify().pinnedCerts().isEmpty()) {
            return null;
        }
        return settings.tls().verify().pinnedCerts();
    }

    private static void rule(Setting setting, String goField, Function<ServerSettings, Object> value,
            Policy policy) {
        RULES.put(setting, new ReloadRule(setting, goField, value, policy));
    }

    /** Every option that differs, in the order of {@link Setting}. */
    static List<SettingChange> compare(ServerSettings running, ServerSettings reloaded) {
        List<SettingChange> changes = new ArrayList<>();
        for (ReloadRule rule : RULES.values()) {
            Object before = rule.value().apply(running);
            Object after = rule.value().apply(reloaded);
            if (Objects.equals(before, after) || ignored(rule.setting(), after)) {
                continue;
            }
            boolean allowed = switch (rule.policy()) {
                case RELOADABLE -> true;
                case REFUSED -> false;
                case SPECIAL -> special(rule.setting(), running, reloaded);
            };
            changes.add(new SettingChange(rule.setting(), before, after,
                    allowed ? null : refusal(rule, before, after)));
        }
        return changes;
    }

    /** A random port ({@code -1}) in the reloaded file keeps the port the server listens on. */
    private static boolean ignored(Setting setting, Object after) {
        return setting == Setting.PORT && Integer.valueOf(-1).equals(after);
    }

    private static String refusal(ReloadRule rule, Object before, Object after) {
        if (rule.setting() == Setting.RESOLVER) {
            return "config reload does not support moving to or from an account resolver";
        }
        return rule.refusal(before, after);
    }

    private static boolean special(Setting setting, ServerSettings running, ServerSettings reloaded) {
        return switch (setting) {
            case NO_AUTH_USER -> noAuthUserRemoved(running, reloaded);
            case WEBSOCKET -> withoutTls(running.websocket()).equals(withoutTls(reloaded.websocket()));
            case MQTT -> fixedPart(running.mqtt()).equals(fixedPart(reloaded.mqtt()));
            case RESOLVER -> running.operator().resolver() != null && reloaded.operator().resolver() != null;
            default -> false;
        };
    }

    /** nats-server lets {@code no_auth_user} go away only together with that user. */
    private static boolean noAuthUserRemoved(ServerSettings running, ServerSettings reloaded) {
        String before = running.accounts().noAuthUser();
        if (before == null || reloaded.accounts().noAuthUser() != null) {
            return false;
        }
        return SettingsValidator.users(reloaded).stream().map(UserSettings::username).noneMatch(before::equals);
    }

    private static String systemAccount(ServerSettings settings) {
        AccountsSettings accounts = settings.accounts();
        return accounts.systemAccount() == null ? AccountsSettings.DEFAULT_SYSTEM_ACCOUNT : accounts.systemAccount();
    }

    /** Only the WebSocket TLS may change on reload. */
    private static WebsocketSettings withoutTls(WebsocketSettings websocket) {
        return new WebsocketSettings(websocket.host(), websocket.port(), websocket.advertise(), websocket.noTls(),
                null, websocket.sameOrigin(), websocket.allowedOrigins(), websocket.handshakeTimeout(),
                websocket.compression(), websocket.authorization(), websocket.cookies(), websocket.noAuthUser(),
                websocket.headers(), websocket.pingInterval());
    }

    /**
     * MQTT's TLS certificates and ciphers, ack wait, max ack pending, replicas, consumer storage and inactivity may
     * change on reload. The TLS map, timeout and pinned certificates may not (nats-server compares them), nor may
     * TLS come or go: the listener was opened with or without it.
     */
    private static MqttSettings fixedPart(MqttSettings mqtt) {
        MqttDeliverySettings d = mqtt.delivery();
        TlsSettings tls = mqtt.tls() == null || !mqtt.enabled() ? null : new TlsSettings(null,
                new TlsVerifySettings(false, mqtt.tls().verify().map(), false, false,
                        mqtt.tls().verify().pinnedCerts()),
                null, new TlsHandshakeSettings(mqtt.tls().handshake().timeout(), 0, false, Duration.ZERO), null, null);
        return new MqttSettings(mqtt.host(), mqtt.port(), tls, mqtt.authorization(), mqtt.noAuthUser(),
                new MqttDeliverySettings(null, 0, d.jsApiTimeout(), d.jsDomain(), 0, false, null,
                        d.rejectQos2Publish(), d.downgradeQos2Subscribe()));
    }
}
