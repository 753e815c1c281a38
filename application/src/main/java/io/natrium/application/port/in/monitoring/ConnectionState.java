package io.natrium.application.port.in.monitoring;

/** Which connections /connz lists. */
public enum ConnectionState {
    OPEN,
    CLOSED,
    /** Open and closed ({@code state=any} or {@code state=all}). */
    ALL
}
