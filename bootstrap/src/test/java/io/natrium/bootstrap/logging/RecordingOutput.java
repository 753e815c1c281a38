package io.natrium.bootstrap.logging;

import java.util.ArrayList;
import java.util.List;

/** A {@link LogOutput} that keeps what it is given; it can pretend to be a file, for reopening. */
final class RecordingOutput implements LogOutput {

    private final List<LogEntry> entries = new ArrayList<>();
    private final boolean file;
    private int reopened;
    private boolean closed;

    RecordingOutput(boolean file) {
        this.file = file;
    }

    RecordingOutput() {
        this(false);
    }

    @Override
    public synchronized void write(LogEntry entry) {
        if (closed) {
            throw new IllegalStateException("written after close: " + entry);
        }
        entries.add(entry);
    }

    @Override
    public synchronized boolean reopen() {
        if (file) {
            reopened++;
        }
        return file;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    synchronized List<LogEntry> entries() {
        return List.copyOf(entries);
    }

    /** Each entry as {@code LEVEL message}. */
    synchronized List<String> lines() {
        return entries.stream().map(entry -> entry.level() + " " + entry.message()).toList();
    }

    synchronized int reopened() {
        return reopened;
    }

    synchronized boolean closed() {
        return closed;
    }
}
