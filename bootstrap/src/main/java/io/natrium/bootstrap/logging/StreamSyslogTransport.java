package io.natrium.bootstrap.logging;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Syslog over a stream, TCP or a Unix socket: messages one after another, each ending in a newline (Go's
 * {@code log/syslog} frames them no other way).
 */
final class StreamSyslogTransport implements SyslogTransport {

    private final SocketAddress address;
    private final String description;
    private SocketChannel channel;

    StreamSyslogTransport(SocketAddress address, String description) {
        this.address = address;
        this.description = description;
    }

    @Override
    public void connect() throws IOException {
        close();
        ProtocolFamily family = address instanceof UnixDomainSocketAddress
                ? StandardProtocolFamily.UNIX : null;
        SocketChannel opened = family == null ? SocketChannel.open() : SocketChannel.open(family);
        try {
            opened.connect(address);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        channel = opened;
    }

    @Override
    public void send(byte[] message) throws IOException {
        if (channel == null) {
            throw new IOException("not connected");
        }
        ByteBuffer bytes = ByteBuffer.wrap(message);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closed anyway.
            }
            channel = null;
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
