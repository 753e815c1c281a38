package io.natrium.bootstrap.logging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A transport over one channel of the JDK's, opened again at each {@link #connect()}: what UDP and the streams share.
 * A connected datagram channel takes a message in one write; the loop is for the streams.
 */
abstract class ChannelSyslogTransport implements SyslogTransport {

    private WritableByteChannel channel;

    /** Opens and connects a new channel. */
    abstract WritableByteChannel open() throws IOException;

    @Override
    public final void connect() throws IOException {
        close();
        channel = open();
    }

    @Override
    public final void send(byte[] message) throws IOException {
        if (channel == null) {
            throw new IOException("not connected");
        }
        ByteBuffer bytes = ByteBuffer.wrap(message);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public final void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closed anyway.
            }
            channel = null;
        }
    }
}
