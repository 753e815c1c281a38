package io.natrium.adapter.inprocess;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.local.LocalAddress;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A client's end of an in-process connection, as a blocking byte stream: what a client library would get from a
 * socket. One thread reads and one thread writes at a time; {@link #close()} may come from any thread.
 */
public final class InProcessConnection implements AutoCloseable {

    private final WindowedLocalChannel channel;
    private final BorrowableEventLoop serverLoop;
    private final InboundQueueHandler inbound;
    /** Only the reading thread touches it. */
    private ByteBuf current;
    private volatile boolean ended;

    private InProcessConnection(WindowedLocalChannel channel, BorrowableEventLoop serverLoop,
            InboundQueueHandler inbound) {
        this.channel = channel;
        this.serverLoop = serverLoop;
        this.inbound = inbound;
    }

    /**
     * Connects to the in-process listener of this name.
     *
     * @throws ConnectException when no listener of the JVM has the name (any more)
     */
    public static InProcessConnection open(String name, Duration timeout) throws IOException {
        BorrowableEventLoop serverLoop = ListenerLoops.of(name);
        if (serverLoop == null) {
            throw new ConnectException("no in-process server named " + name);
        }
        InboundQueueHandler inbound = new InboundQueueHandler();
        WindowedLocalChannel channel = new WindowedLocalChannel();
        ChannelFuture connected = new Bootstrap()
                .group(serverLoop)
                .channelFactory(() -> channel)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(inbound)
                .connect(new LocalAddress(name));
        try {
            if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                channel.close();
                throw new ConnectException("no answer from in-process server " + name + " within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new InterruptedIOException("interrupted while connecting to " + name);
        }
        if (!connected.isSuccess()) {
            ConnectException refused = new ConnectException("no in-process server named " + name);
            refused.initCause(connected.cause());
            throw refused;
        }
        return new InProcessConnection(channel, serverLoop, inbound);
    }

    /**
     * Reads what the server sent, at most {@code length} bytes; blocks until there is something. Returns -1 once
     * the connection is closed and everything before the close was read.
     */
    public int read(byte[] destination, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            while (current == null || !current.isReadable()) {
                if (current != null) {
                    current.release();
                    current = null;
                }
                if (ended) {
                    return -1;
                }
                ByteBuf next = inbound.take();
                if (next == InboundQueueHandler.END) {
                    ended = true;
                    return -1;
                }
                current = next;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
        int count = Math.min(length, current.readableBytes());
        current.readBytes(destination, offset, count);
        channel.consumed(count);
        return count;
    }

    /**
     * Sends bytes to the server (copied, so the caller may reuse its array); blocks while the server has not read
     * what it was sent before, as a socket's write blocks on a full buffer. When the server's loop is idle, the
     * calling thread runs the server's reading of the bytes itself (see {@link BorrowableEventLoop}).
     */
    public void write(byte[] source, int offset, int length) throws IOException {
        try {
            long seen = inbound.writabilityChanges();
            while (!channel.isWritable() && channel.isActive()) {
                inbound.awaitWritabilityChange(seen);
                seen = inbound.writabilityChanges();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
        if (!channel.isActive()) {
            throw new IOException("in-process connection closed");
        }
        ByteBuf bytes = Unpooled.copiedBuffer(source, offset, length);
        if (!serverLoop.runIfIdle(() -> channel.writeAndFlush(bytes))) {
            channel.writeAndFlush(bytes);
        }
    }

    /** Bytes written that the server has not read yet. */
    public long unreadByServer() {
        return channel.inFlight();
    }

    /** Reads return -1 from now on, after what was already received. */
    public void shutdownInput() {
        inbound.end();
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Closes the connection; the server sees the client go as it would see a socket close. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        // Discarded before the end is marked, so a reader still waiting sees the end, not a freed buffer.
        inbound.discard();
        inbound.end();
    }
}
