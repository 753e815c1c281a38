package io.natrium.application.settings;

import java.time.Duration;

/**
 * The options read most often, each read through to the group that holds it, so that a caller writes
 * {@code settings.maxPayload()} rather than {@code settings.limits().maxPayload()}. Kept apart from
 * {@link ServerSettings} so that the record shows its groups and nothing else.
 */
public interface FrequentOptions {

    NetworkSettings network();

    LimitSettings limits();

    KeepAliveSettings keepAlive();

    WriteSettings writes();

    LameDuckSettings lameDuck();

    default String host() {
        return network().host();
    }

    default int port() {
        return network().port();
    }

    /** The port to bind: nats-server's -1 ("random") is the socket API's 0. */
    default int bindPort() {
        return port() < 0 ? 0 : port();
    }

    default String serverName() {
        return network().serverName();
    }

    default int maxPayload() {
        return limits().maxPayload();
    }

    default int maxControlLine() {
        return limits().maxControlLine();
    }

    default long maxPending() {
        return limits().maxPending();
    }

    default int maxConnections() {
        return limits().maxConnections();
    }

    default int maxSubscriptions() {
        return limits().maxSubscriptions();
    }

    default int maxSubTokens() {
        return limits().maxSubTokens();
    }

    default Duration pingInterval() {
        return keepAlive().pingInterval();
    }

    default int maxPingsOut() {
        return keepAlive().maxPingsOut();
    }

    default Duration writeDeadline() {
        return writes().deadline();
    }

    default Duration lameDuckDuration() {
        return lameDuck().duration();
    }

    default Duration lameDuckGracePeriod() {
        return lameDuck().gracePeriod();
    }
}
