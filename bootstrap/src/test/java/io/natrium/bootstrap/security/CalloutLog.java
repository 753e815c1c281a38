package io.natrium.bootstrap.security;

import io.natrium.application.system.AuthCalloutRequests;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import java.util.List;

import org.slf4j.LoggerFactory;

/** The server's log lines of auth callout (nats-server's server-level warnings and debug lines), for the tests. */
final class CalloutLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AuthCalloutRequests.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    /** Records from now on, debug lines included, until closed. */
    CalloutLog() {
        logger.setLevel(Level.DEBUG);
        logger.addAppender(lines);
        lines.start();
    }

    void clear() {
        synchronized (lines) {
            lines.list.clear();
        }
    }

    List<String> warnings() {
        return messages(Level.WARN);
    }

    List<String> messages() {
        return messages(null);
    }

    private List<String> messages(Level level) {
        synchronized (lines) {
            return lines.list.stream().filter(event -> level == null || event.getLevel() == level)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(lines);
        logger.setLevel(null);
    }
}
