package io.natrium.application.settings;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The write side of {@link FrequentOptions}: one setter per much-used option, each a change of the group that
 * holds it, so that the command line and the tests set {@code maxPayload(v)} rather than
 * {@code limits(l -> l.withMaxPayload(v))}. Kept apart from {@link ServerSettings.Builder} so that the builder
 * shows its groups and nothing else.
 */
public interface FrequentOptionSetters {

    ServerSettings.Builder network(UnaryOperator<NetworkSettings> change);

    ServerSettings.Builder limits(UnaryOperator<LimitSettings> change);

    ServerSettings.Builder keepAlive(UnaryOperator<KeepAliveSettings> change);

    ServerSettings.Builder writes(UnaryOperator<WriteSettings> change);

    ServerSettings.Builder lameDuck(UnaryOperator<LameDuckSettings> change);

    default ServerSettings.Builder host(String value) {
        return network(network -> network.withHost(value));
    }

    default ServerSettings.Builder port(int value) {
        return network(network -> network.withPort(value));
    }

    default ServerSettings.Builder serverName(String value) {
        return network(network -> network.withServerName(value));
    }

    default ServerSettings.Builder maxPayload(int value) {
        return limits(limits -> limits.withMaxPayload(value));
    }

    default ServerSettings.Builder maxControlLine(int value) {
        return limits(limits -> limits.withMaxControlLine(value));
    }

    default ServerSettings.Builder maxPending(long value) {
        return limits(limits -> limits.withMaxPending(value));
    }

    default ServerSettings.Builder maxConnections(int value) {
        return limits(limits -> limits.withMaxConnections(value));
    }

    default ServerSettings.Builder maxSubscriptions(int value) {
        return limits(limits -> limits.withMaxSubscriptions(value));
    }

    default ServerSettings.Builder maxSubTokens(int value) {
        return limits(limits -> limits.withMaxSubTokens(value));
    }

    default ServerSettings.Builder pingInterval(Duration value) {
        return keepAlive(keepAlive -> keepAlive.withPingInterval(value));
    }

    default ServerSettings.Builder maxPingsOut(int value) {
        return keepAlive(keepAlive -> keepAlive.withMaxPingsOut(value));
    }

    default ServerSettings.Builder writeDeadline(Duration value) {
        return writes(writes -> writes.withDeadline(value));
    }

    default ServerSettings.Builder lameDuckDuration(Duration value) {
        return lameDuck(lameDuck -> lameDuck.withDuration(value));
    }

    default ServerSettings.Builder lameDuckGracePeriod(Duration value) {
        return lameDuck(lameDuck -> lameDuck.withGracePeriod(value));
    }
}
