package io.natrium.bootstrap.logging;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** Syslog over UDP: one datagram per message, as Go's {@code log/syslog} sends it. */
final class DatagramSyslogTransport implements SyslogTransport {

    private final InetSocketAddress address;
    private DatagramChannel channel;

    DatagramSyslogTransport(InetSocketAddress address) {
        this.address = address;
    }

    @Override
    public void connect() throws IOException {
        close();
        channel = DatagramChannel.open().connect(address);
    }

    @Override
    public void send(byte[] message) throws IOException {
        if (channel == null) {
            throw new IOException("not connected");
        }
        channel.write(ByteBuffer.wrap(message));
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
        return "udp " + address.getHostString() + ":" + address.getPort();
    }
}
