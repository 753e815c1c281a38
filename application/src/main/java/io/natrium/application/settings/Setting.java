package io.natrium.application.settings;

import java.util.Locale;

/**
 * The options of the server, each named by its nats-server configuration key (its first spelling); used to say
 * which options the command line set and which changed on reload. Keys of the {@code authorization} block are
 * listed one by one, because {@code --user}, {@code --pass} and {@code --auth} set them separately.
 */
public enum Setting {
    HOST,
    PORT,
    SERVER_NAME,
    CLIENT_ADVERTISE,
    PROXY_PROTOCOL,
    MAX_CONTROL_LINE,
    MAX_PAYLOAD,
    MAX_PENDING,
    MAX_CONNECTIONS,
    MAX_SUBSCRIPTIONS,
    MAX_SUB_TOKENS,
    MAX_CLOSED_CLIENTS,
    PING_INTERVAL,
    PING_MAX,
    WRITE_DEADLINE,
    WRITE_TIMEOUT,
    NO_FAST_PRODUCER_STALL,
    LAME_DUCK_DURATION,
    LAME_DUCK_GRACE_PERIOD,
    NO_HEADER_SUPPORT,
    DISABLE_SUBLIST_CACHE,
    PIDFILE,
    PORTS_FILE_DIR,
    /** {@code store_dir}, {@code -sd}: where the MQTT state is kept. */
    STORE_DIR,
    /** The monitoring address ({@code http} or {@code https} with a host). */
    HTTP_HOST,
    HTTP_PORT,
    HTTPS_PORT,
    HTTP_BASE_PATH,
    PROF_PORT,
    PROF_BLOCK_RATE,
    DEBUG,
    TRACE,
    TRACE_VERBOSE,
    TRACE_HEADERS,
    LOGTIME,
    LOGTIME_UTC,
    LOGFILE,
    LOGFILE_SIZE_LIMIT,
    LOGFILE_MAX_NUM,
    SYSLOG,
    REMOTE_SYSLOG,
    MAX_TRACED_MSG_LEN,
    /** {@code authorization.user}, {@code --user}. */
    USER,
    /** {@code authorization.password}, {@code --pass}. */
    PASSWORD,
    /** {@code authorization.token}, {@code --auth}. */
    TOKEN,
    /** {@code authorization.timeout}. */
    AUTH_TIMEOUT,
    /** {@code authorization.users} (with the block's default permissions applied). */
    USERS,
    /** {@code authorization.auth_callout}. */
    AUTH_CALLOUT,
    /** {@code authorization.proxy_required}. */
    PROXY_REQUIRED,
    ACCOUNTS,
    MAPPINGS,
    SYSTEM_ACCOUNT,
    NO_SYSTEM_ACCOUNT,
    NO_AUTH_USER,
    DEFAULT_SENTINEL,
    /** {@code tls { verify_and_map }}: derived from the {@code tls} block, to be compared on its own at reload. */
    TLS_MAP,
    TLS,
    /** {@code tls { pinned_certs }}: derived from the {@code tls} block, to be compared on its own at reload. */
    TLS_PINNED_CERTS,
    ALLOW_NON_TLS,
    OCSP,
    OCSP_CACHE,
    WEBSOCKET,
    MQTT,
    OPERATOR,
    TRUSTED,
    RESOLVER,
    RESOLVER_TLS,
    RESOLVER_PRELOAD,
    RESOLVER_PINNED_ACCOUNTS,
    PROXIES,
    SERVER_TAGS,
    SERVER_METADATA,
    FEATURE_FLAGS;

    /** The option's name as a nats-server configuration key, e.g. {@code max_payload}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
