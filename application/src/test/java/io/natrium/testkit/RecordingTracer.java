package io.natrium.testkit;

import io.natrium.application.port.out.ProtocolTracer;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ProtocolTracer} that keeps the lines it is given, formatted as the server's log shows them
 * ({@code <client> - <operation>}). It starts enabled; the switch and the options can be changed at any time, as a
 * reload would. Thread-safe.
 */
public final class RecordingTracer implements ProtocolTracer {

    private final List<String> lines = new ArrayList<>();
    private volatile boolean enabled = true;
    private volatile boolean headersOnly;
    private volatile int maxPayloadLength;

    public RecordingTracer enabled(boolean on) {
        enabled = on;
        return this;
    }

    public RecordingTracer headersOnly(boolean on) {
        headersOnly = on;
        return this;
    }

    public RecordingTracer maxPayloadLength(int bytes) {
        maxPayloadLength = bytes;
        return this;
    }

    /** The lines traced so far, in order. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Forgets the lines traced so far. */
    public synchronized void clear() {
        lines.clear();
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean headersOnly() {
        return headersOnly;
    }

    @Override
    public int maxPayloadLength() {
        return maxPayloadLength;
    }

    @Override
    public synchronized void trace(Object client, String operation) {
        lines.add(client + " - " + operation);
    }
}
