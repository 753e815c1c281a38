package io.natrium.application.port.in.monitoring;

/**
 * nats-server's 14 /connz sort keys. Only {@code cid}, {@code start}, {@code uptime} and {@code reason} sort
 * ascending; the others put the largest (or most recent) first.
 */
public enum ConnectionSort {
    CID("cid"),
    START("start"),
    SUBS("subs"),
    PENDING("pending"),
    MSGS_TO("msgs_to"),
    MSGS_FROM("msgs_from"),
    BYTES_TO("bytes_to"),
    BYTES_FROM("bytes_from"),
    LAST("last"),
    IDLE("idle"),
    UPTIME("uptime"),
    STOP("stop"),
    REASON("reason"),
    RTT("rtt");

    private final String key;

    ConnectionSort(String key) {
        this.key = key;
    }

    /** The value of the {@code sort} query parameter. */
    public String key() {
        return key;
    }

    /** The sort with this key, or null. */
    public static ConnectionSort forKey(String key) {
        for (ConnectionSort sort : values()) {
            if (sort.key.equals(key)) {
                return sort;
            }
        }
        return null;
    }
}
