package io.natrium.bootstrap.logging;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.WritableByteChannel;

/** Syslog over UDP: one datagram per message, as Go's {@code log/syslog} sends it. */
final class DatagramSyslogTransport extends ChannelSyslogTransport {

    private final InetSocketAddress address;

    DatagramSyslogTransport(InetSocketAddress address) {
        this.address = address;
    }

    @Override
    WritableByteChannel open() throws IOException {
        return DatagramChannel.open().connect(address);
    }

    @Override
    public String describe() {
        return "udp " + address.getHostString() + ":" + address.getPort();
    }
}
