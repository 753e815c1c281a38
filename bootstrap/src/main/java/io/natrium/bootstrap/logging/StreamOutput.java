package io.natrium.bootstrap.logging;

import io.natrium.domain.subject.Utf8;

import java.io.PrintStream;

/** Log lines on standard error, nats-server's default. */
final class StreamOutput implements LogOutput {

    private final NatsLayout layout;
    private final PrintStream stream;

    StreamOutput(NatsLayout layout, PrintStream stream) {
        this.layout = layout;
        this.stream = stream;
    }

    @Override
    public void write(LogEntry entry) {
        byte[] bytes = Utf8.encodeKeepingBytes(layout.format(entry));
        stream.write(bytes, 0, bytes.length);
        stream.flush();
    }
}
