package io.natrium.adapter.config;

import io.natrium.application.settings.AccountSettings;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;
import io.natrium.application.settings.UserSettings;
import io.natrium.domain.text.GoDurations;
import io.natrium.domain.text.GoFloats;
import io.natrium.domain.text.GoStrings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The lines nats-server logs for a reload it applies: one per changed option, worded as the {@code Apply} methods of
 * the options in its {@code server/reload.go} word them and in the order of its {@code Options} fields.
 *
 * <p>A secret is named, never shown: a new password is {@code Reloaded: authorization password}, a new token
 * {@code Reloaded: authorization token}, a changed users list (plain or bcrypt passwords) only
 * {@code Reloaded: authorization users}. nats-server skips comparing its users and accounts, which always differ
 * inside it, so every reload it applies logs {@code authorization users} and {@code accounts}.
 */
final class ReloadNotices {

    private static final String RELOADED = "Reloaded: ";

    /** The options in the order of nats-server's {@code Options} struct, each with what its change logs. */
    private static final Map<Setting, Notice> NOTICES = new LinkedHashMap<>();

    /** Logged on every reload: nats-server does not compare its users and accounts, which always differ inside it. */
    private static final Set<Setting> ALWAYS = EnumSet.of(Setting.USERS, Setting.ACCOUNTS);

    /** Options whose change nats-server applies without a line, or refuses, so never logs as reloaded. */
    private static final Set<Setting> SILENT = EnumSet.of(Setting.HOST, Setting.PORT, Setting.SERVER_NAME,
            Setting.PROXY_PROTOCOL, Setting.MAX_PENDING, Setting.MAX_SUBSCRIPTIONS, Setting.MAX_SUB_TOKENS,
            Setting.MAX_CLOSED_CLIENTS, Setting.WRITE_TIMEOUT, Setting.LAME_DUCK_DURATION,
            Setting.LAME_DUCK_GRACE_PERIOD, Setting.NO_HEADER_SUPPORT, Setting.DISABLE_SUBLIST_CACHE, Setting.STORE_DIR,
            Setting.HTTP_HOST, Setting.HTTP_PORT, Setting.HTTPS_PORT, Setting.HTTP_BASE_PATH, Setting.PROF_PORT,
            Setting.LOGFILE_SIZE_LIMIT, Setting.LOGFILE_MAX_NUM, Setting.AUTH_CALLOUT, Setting.PROXY_REQUIRED,
            // The global account's mappings are part of nats-server's accounts, whose line every reload logs.
            Setting.MAPPINGS, Setting.SYSTEM_ACCOUNT, Setting.NO_SYSTEM_ACCOUNT, Setting.NO_AUTH_USER,
            Setting.ALLOW_NON_TLS, Setting.TLS_MAP, Setting.OPERATOR, Setting.TRUSTED, Setting.FEATURE_FLAGS,
            // Only the WebSocket TLS may change, and nats-server says nothing of it.
            Setting.WEBSOCKET,
            // Unexported fields of nats-server's Options, which its comparison skips.
            Setting.RESOLVER_PRELOAD, Setting.RESOLVER_PINNED_ACCOUNTS);

    static {
        value(Setting.CLIENT_ADVERTISE, s -> "Reload: client_advertise = " + text(s.network().clientAdvertise()));
        value(Setting.TRACE, s -> RELOADED + "trace = " + s.logging().trace());
        value(Setting.DEBUG, s -> RELOADED + "debug = " + s.logging().debug());
        value(Setting.TRACE_VERBOSE, s -> RELOADED + "trace_verbose = " + s.logging().traceVerbose());
        value(Setting.TRACE_HEADERS, s -> RELOADED + "trace_headers = " + s.logging().traceHeaders());
        value(Setting.LOGTIME, s -> RELOADED + "logtime = " + s.logging().logTime());
        value(Setting.LOGTIME_UTC, s -> RELOADED + "logtime_utc = " + s.logging().logTimeUtc());
        value(Setting.MAX_CONNECTIONS, s -> RELOADED + "max_connections = " + s.maxConnections());
        NOTICES.put(Setting.USERS, ReloadNotices::users);
        value(Setting.ACCOUNTS, s -> RELOADED + "accounts");
        value(Setting.DEFAULT_SENTINEL, s -> RELOADED + "default_sentinel = " + text(s.accounts().defaultSentinel()));
        value(Setting.USER, s -> RELOADED + "authorization username");
        value(Setting.PASSWORD, s -> RELOADED + "authorization password");
        value(Setting.TOKEN, s -> RELOADED + "authorization token");
        value(Setting.PING_INTERVAL, s -> RELOADED + "ping_interval = " + GoDurations.format(s.pingInterval()));
        value(Setting.PING_MAX, s -> RELOADED + "ping_max = " + s.maxPingsOut());
        value(Setting.AUTH_TIMEOUT, s -> RELOADED + "authorization timeout = " + seconds(s.authTimeout()));
        value(Setting.MAX_CONTROL_LINE, s -> RELOADED + "max_control_line = " + s.maxControlLine());
        value(Setting.MAX_PAYLOAD, s -> RELOADED + "max_payload = " + s.maxPayload());
        value(Setting.NO_FAST_PRODUCER_STALL, s -> RELOADED + "fast producers will "
                + (s.writes().noFastProducerStall() ? "not " : "") + "be stalled");
        NOTICES.put(Setting.MQTT, (running, reloaded) -> mqtt(reloaded));
        value(Setting.PROF_BLOCK_RATE, s -> RELOADED + "prof_block_rate = " + s.profiling().blockRate());
        value(Setting.PIDFILE, s -> RELOADED + "pid_file = " + text(s.processFiles().pidFile()));
        value(Setting.PORTS_FILE_DIR, s -> RELOADED + "ports_file_dir = " + text(s.processFiles().portsFileDir()));
        value(Setting.LOGFILE, s -> RELOADED + "log_file = " + text(s.logging().logFile()));
        value(Setting.SYSLOG, s -> RELOADED + "syslog = " + s.logging().syslog());
        value(Setting.REMOTE_SYSLOG, s -> RELOADED + "remote_syslog = " + text(s.logging().remoteSyslog()));
        value(Setting.TLS, s -> RELOADED + "tls = " + (s.tls() != null ? "enabled" : "disabled"));
        value(Setting.TLS_PINNED_CERTS, s -> {
            Set<String> pinned = ReloadRules.pinnedCerts(s);
            return RELOADED + (pinned == null ? 0 : pinned.size()) + " pinned_certs";
        });
        value(Setting.WRITE_DEADLINE, s -> RELOADED + "write_deadline = " + GoDurations.format(s.writeDeadline()));
        value(Setting.MAX_TRACED_MSG_LEN, s -> RELOADED + "max_traced_msg_len = " + s.logging().maxTracedMsgLen());
        value(Setting.RESOLVER, s -> RELOADED + "accounts");
        value(Setting.RESOLVER_TLS, s -> RELOADED + "accounts");
        value(Setting.SERVER_TAGS, s -> RELOADED + "tags");
        value(Setting.SERVER_METADATA, s -> RELOADED + "metadata");
        value(Setting.OCSP, s -> RELOADED + "OCSP");
        NOTICES.put(Setting.PROXIES, ReloadNotices::proxies);
        value(Setting.OCSP_CACHE, s -> "Reloaded OCSP peer cache");
        List<Setting> missing = new ArrayList<>(Arrays.asList(Setting.values()));
        missing.removeAll(NOTICES.keySet());
        missing.removeAll(SILENT);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no reload notice for " + missing);
        }
    }

    private ReloadNotices() {
    }

    private static void value(Setting setting, Function<ServerSettings, String> line) {
        NOTICES.put(setting, (running, reloaded) -> List.of(line.apply(reloaded)));
    }

    /** The lines one option's change logs. */
    @FunctionalInterface
    private interface Notice {
        List<String> lines(ServerSettings running, ServerSettings reloaded);
    }

    /** What nats-server logs when it applies {@code reloaded} over {@code running}, which differ by {@code applied}. */
    static List<String> between(ServerSettings running, ServerSettings reloaded, List<SettingChange> applied) {
        Set<Setting> changed = EnumSet.noneOf(Setting.class);
        applied.forEach(change -> changed.add(change.setting()));
        List<String> lines = new ArrayList<>();
        NOTICES.forEach((setting, notice) -> {
            if (changed.contains(setting) || ALWAYS.contains(setting)) {
                lines.addAll(notice.lines(running, reloaded));
            }
        });
        return lines;
    }

    /**
     * nats-server's nkey users are the global ones, then those of each account, each bound to its account: an
     * account's internal state makes such a user always differ, as the users and accounts themselves do.
     */
    private static List<String> users(ServerSettings running, ServerSettings reloaded) {
        boolean nkeysDiffer = !globalNkeyUsers(running).equals(globalNkeyUsers(reloaded))
                || hasAccountNkeyUsers(running) || hasAccountNkeyUsers(reloaded);
        return nkeysDiffer ? List.of(RELOADED + "authorization nkey users", RELOADED + "authorization users")
                : List.of(RELOADED + "authorization users");
    }

    private static List<UserSettings> globalNkeyUsers(ServerSettings settings) {
        return settings.authorization().users().stream().filter(user -> user.nkey() != null).toList();
    }

    private static boolean hasAccountNkeyUsers(ServerSettings settings) {
        return settings.accounts().accounts().stream().map(AccountSettings::users).flatMap(List::stream)
                .anyMatch(user -> user.nkey() != null);
    }

    /** nats-server logs every reloadable MQTT option when any part of the MQTT block changed. */
    private static List<String> mqtt(ServerSettings settings) {
        MqttDeliverySettings delivery = settings.mqtt().delivery();
        return List.of(
                RELOADED + "MQTT ack_wait = " + GoDurations.format(orZero(delivery.ackWait())),
                RELOADED + "MQTT max_ack_pending = " + delivery.maxAckPending(),
                RELOADED + "MQTT stream_replicas = " + delivery.streamReplicas(),
                // consumer_replicas is ignored (with a warning) by the nats-server whose MQTT options Natrium reads.
                RELOADED + "MQTT consumer_replicas = 0",
                RELOADED + "MQTT consumer_memory_storage = " + delivery.consumerMemoryStorage(),
                RELOADED + "MQTT consumer_inactive_threshold = "
                        + GoDurations.format(orZero(delivery.consumerInactiveThreshold())));
    }

    /** Trusted proxy keys removed, then added, each list as Go's {@code %q} prints it. */
    private static List<String> proxies(ServerSettings running, ServerSettings reloaded) {
        List<String> before = trustedProxyKeys(running);
        List<String> after = trustedProxyKeys(reloaded);
        List<String> added = after.stream().filter(key -> !before.contains(key)).toList();
        List<String> removed = before.stream().filter(key -> !after.contains(key)).toList();
        List<String> lines = new ArrayList<>();
        if (!removed.isEmpty()) {
            lines.add(RELOADED + "proxies trusted keys " + GoStrings.quote(removed) + " were removed");
        }
        if (!added.isEmpty()) {
            lines.add(RELOADED + "proxies trusted keys " + GoStrings.quote(added) + " were added");
        }
        return lines;
    }

    private static List<String> trustedProxyKeys(ServerSettings settings) {
        return settings.proxies() == null ? List.of() : settings.proxies().trustedKeys();
    }

    /** Go's {@code %v} of a float64 number of seconds: {@code 2}, {@code 0.5}. */
    private static String seconds(Duration duration) {
        return GoFloats.v(duration.toNanos() / 1e9);
    }

    private static Duration orZero(Duration duration) {
        return Objects.requireNonNullElse(duration, Duration.ZERO);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
