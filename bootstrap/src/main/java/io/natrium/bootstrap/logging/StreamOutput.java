package io.natrium.bootstrap.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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
        byte[] bytes = layout.format(entry).getBytes(StandardCharsets.UTF_8);
        stream.write(bytes, 0, bytes.length);
        stream.flush();
    }
}
