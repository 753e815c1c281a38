package io.natrium.application.service;

import io.natrium.application.port.in.monitoring.ConnectionInfo;
import io.natrium.application.port.in.monitoring.ConnectionSort;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order of each /connz sort key, as nats-server sorts: by cid, start, uptime and reason ascending, else the largest
 * first.
 */
final class ConnectionOrder {

    private ConnectionOrder() {
    }

    static Comparator<ConnectionInfo> of(ConnectionSort sort, Instant now) {
        return switch (sort) {
            case CID, START -> Comparator.comparingLong(ConnectionInfo::cid);
            case SUBS -> descending(Comparator.comparingInt(ConnectionInfo::subscriptionCount));
            case PENDING -> descending(Comparator.comparingLong(ConnectionInfo::pendingBytes));
            case MSGS_TO -> descending(Comparator.comparingLong(ConnectionInfo::outMessages));
            case MSGS_FROM -> descending(Comparator.comparingLong(ConnectionInfo::inMessages));
            case BYTES_TO -> descending(Comparator.comparingLong(ConnectionInfo::outBytes));
            case BYTES_FROM -> descending(Comparator.comparingLong(ConnectionInfo::inBytes));
            case LAST -> descending(Comparator.comparing(ConnectionInfo::lastActivity));
            case IDLE -> descending(Comparator.comparing(info -> Duration.between(info.lastActivity(), now)));
            case UPTIME -> Comparator.comparing(info -> Duration.between(info.start(),
                    info.stop() == null ? now : info.stop()));
            case STOP -> descending(Comparator.comparing(ConnectionInfo::stop));
            case REASON -> Comparator.comparing(info -> info.reason().text());
            case RTT -> descending(Comparator.comparing(ConnectionInfo::rtt));
        };
    }

    private static Comparator<ConnectionInfo> descending(Comparator<ConnectionInfo> ascending) {
        return ascending.reversed();
    }
}
