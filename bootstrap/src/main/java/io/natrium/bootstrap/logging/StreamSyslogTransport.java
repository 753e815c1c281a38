package io.natrium.bootstrap.logging;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Syslog over a stream, TCP or a Unix socket: messages one after another, each ending in a newline (Go's
 * {@code log/syslog} frames them no other way).
 */
final class StreamSyslogTransport extends ChannelSyslogTransport {

    private final SocketAddress address;
    private final String description;

    StreamSyslogTransport(SocketAddress address, String description) {
        this.address = address;
        this.description = description;
    }

    @Override
    WritableByteChannel open() throws IOException {
        ProtocolFamily family = address instanceof UnixDomainSocketAddress
                ? StandardProtocolFamily.UNIX : null;
        SocketChannel opened = family == null ? SocketChannel.open() : SocketChannel.open(family);
        try {
            opened.connect(address);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    @Override
    public String describe() {
        return description;
    }
}
