package io.natrium.adapter.inprocess;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;

/**
 * A local channel whose writes wait for the peer to consume what it was sent before (Netty's own local channel
 * hands over everything at once, so a reader that stopped would never hold a writer back). Both ends of an
 * in-process connection are of this class; the server end pairs the two windows when the client connects.
 */
final class WindowedLocalChannel extends LocalChannel {

    /** What a loopback socket pair buffers between two processes, roughly. */
    static final long WINDOW_BYTES = 256 * 1024;

    private volatile ByteWindow outgoing;
    private volatile ByteWindow incoming;

    /** A client end, windows set when the server accepts it. */
    WindowedLocalChannel() {
    }

    /** The server end of {@code peer}'s connection. */
    WindowedLocalChannel(LocalServerChannel parent, WindowedLocalChannel peer) {
        super(parent, peer);
        ByteWindow toPeer = new ByteWindow(WINDOW_BYTES, this);
        ByteWindow fromPeer = new ByteWindow(WINDOW_BYTES, peer);
        this.outgoing = toPeer;
        this.incoming = fromPeer;
        peer.outgoing = fromPeer;
        peer.incoming = toPeer;
    }

    /** This end's reader has taken {@code bytes} of what the peer sent. */
    void consumed(long bytes) {
        ByteWindow window = incoming;
        if (window != null) {
            window.consumed(bytes);
        }
    }

    /** Bytes sent to the peer that it has not consumed yet. */
    long inFlight() {
        ByteWindow window = outgoing;
        return window == null ? 0 : window.inFlight();
    }

    @Override
    protected void doWrite(ChannelOutboundBuffer in) throws Exception {
        ByteWindow window = outgoing;
        if (window != null && isActive()) {
            if (!window.tryOpen()) {
                return;
            }
            long[] bytes = {0};
            in.forEachFlushedMessage(message -> {
                if (message instanceof ByteBuf buffer) {
                    bytes[0] += buffer.readableBytes();
                }
                return true;
            });
            window.sent(bytes[0]);
        }
        super.doWrite(in);
    }
}
