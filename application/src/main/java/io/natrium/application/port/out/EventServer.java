package io.natrium.application.port.out;

import java.time.Instant;

/**
 * The server as nats-server's events and replies name it ({@code ServerInfo} in {@code server/events.go}): its
 * name, host, id and version, and the sequence number and time the system client gave this message when it sent it.
 */
public record EventServer(String name, String host, String id, String version, long seq, boolean jetStream,
        Instant time) {
}
