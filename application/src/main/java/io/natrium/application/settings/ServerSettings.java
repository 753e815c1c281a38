package io.natrium.application.settings;

import java.time.Duration;

/**
 * Everything the server is configured with, with nats-server's defaults. Immutable; {@link #builder()} and
 * {@link #toBuilder()} make changed copies.
 *
 * @param host                 the address to listen on
 * @param port                 the client port; 0 or -1 picks a free port
 * @param serverName           the name in INFO; null means the server id
 * @param maxPayload           the largest message payload in bytes
 * @param maxControlLine       the longest protocol line arguments in bytes
 * @param maxPending           the most bytes queued for one client before it is a slow consumer
 * @param maxConnections       the most client connections; negative refuses every client
 * @param maxSubscriptions     the most subscriptions per connection, 0 for no limit
 * @param maxSubTokens         the most tokens in a subscription subject, 0 for no limit
 * @param pingInterval         how often an idle client is pinged
 * @param maxPingsOut          how many pings may go unanswered before the connection is stale
 * @param writeDeadline        how long a client's socket may refuse to drain before it is a slow consumer
 * @param noHeaderSupport      true to refuse message headers
 * @param noSublistCache       true to match without the shared result cache
 * @param lameDuckDuration     how long lame-duck mode takes to close every client
 * @param lameDuckGracePeriod  how long lame-duck mode waits before it starts closing clients
 * @param logging              what is logged and how
 */
public record ServerSettings(
        String host,
        int port,
        String serverName,
        int maxPayload,
        int maxControlLine,
        long maxPending,
        int maxConnections,
        int maxSubscriptions,
        int maxSubTokens,
        Duration pingInterval,
        int maxPingsOut,
        Duration writeDeadline,
        boolean noHeaderSupport,
        boolean noSublistCache,
        Duration lameDuckDuration,
        Duration lameDuckGracePeriod,
        LoggingSettings logging) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 4222;
    public static final int DEFAULT_MAX_PAYLOAD = 1024 * 1024;
    public static final int DEFAULT_MAX_CONTROL_LINE = 4096;
    public static final long DEFAULT_MAX_PENDING = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 64 * 1024;

    public static ServerSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The port to bind: nats-server's -1 ("random") is the socket API's 0. */
    public int bindPort() {
        return port < 0 ? 0 : port;
    }

    /** Builds settings field by field, starting from nats-server's defaults. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String serverName;
        private int maxPayload = DEFAULT_MAX_PAYLOAD;
        private int maxControlLine = DEFAULT_MAX_CONTROL_LINE;
        private long maxPending = DEFAULT_MAX_PENDING;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxSubscriptions;
        private int maxSubTokens;
        private Duration pingInterval = Duration.ofMinutes(2);
        private int maxPingsOut = 2;
        private Duration writeDeadline = Duration.ofSeconds(10);
        private boolean noHeaderSupport;
        private boolean noSublistCache;
        private Duration lameDuckDuration = Duration.ofMinutes(2);
        private Duration lameDuckGracePeriod = Duration.ofSeconds(10);
        private LoggingSettings logging = LoggingSettings.defaults();

        private Builder() {
        }

        private Builder(ServerSettings settings) {
            host = settings.host;
            port = settings.port;
            serverName = settings.serverName;
            maxPayload = settings.maxPayload;
            maxControlLine = settings.maxControlLine;
            maxPending = settings.maxPending;
            maxConnections = settings.maxConnections;
            maxSubscriptions = settings.maxSubscriptions;
            maxSubTokens = settings.maxSubTokens;
            pingInterval = settings.pingInterval;
            maxPingsOut = settings.maxPingsOut;
            writeDeadline = settings.writeDeadline;
            noHeaderSupport = settings.noHeaderSupport;
            noSublistCache = settings.noSublistCache;
            lameDuckDuration = settings.lameDuckDuration;
            lameDuckGracePeriod = settings.lameDuckGracePeriod;
            logging = settings.logging;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder serverName(String value) {
            serverName = value;
            return this;
        }

        public Builder maxPayload(int value) {
            maxPayload = value;
            return this;
        }

        public Builder maxControlLine(int value) {
            maxControlLine = value;
            return this;
        }

        public Builder maxPending(long value) {
            maxPending = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder maxSubscriptions(int value) {
            maxSubscriptions = value;
            return this;
        }

        public Builder maxSubTokens(int value) {
            maxSubTokens = value;
            return this;
        }

        public Builder pingInterval(Duration value) {
            pingInterval = value;
            return this;
        }

        public Builder maxPingsOut(int value) {
            maxPingsOut = value;
            return this;
        }

        public Builder writeDeadline(Duration value) {
            writeDeadline = value;
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

        public Builder lameDuckDuration(Duration value) {
            lameDuckDuration = value;
            return this;
        }

        public Builder lameDuckGracePeriod(Duration value) {
            lameDuckGracePeriod = value;
            return this;
        }

        public Builder logging(LoggingSettings value) {
            logging = value;
            return this;
        }

        public ServerSettings build() {
            return new ServerSettings(host, port, serverName, maxPayload, maxControlLine, maxPending, maxConnections,
                    maxSubscriptions, maxSubTokens, pingInterval, maxPingsOut, writeDeadline, noHeaderSupport,
                    noSublistCache, lameDuckDuration, lameDuckGracePeriod, logging);
        }
    }
}
