package io.natrium.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.List;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * nats-server's fatal level ({@code [FTL]}), which SLF4J lacks: an error logged with {@link #MARKER} is written as
 * fatal. The caller exits with status 1 after it, as Go's {@code log.Fatalf} does.
 */
public final class FatalLog {

    public static final Marker MARKER = MarkerFactory.getMarker("FATAL");

    private FatalLog() {
    }

    static boolean isFatal(ILoggingEvent event) {
        List<Marker> markers = event.getMarkerList();
        return markers != null && markers.contains(MARKER);
    }
}
