package io.natrium.adapter.inprocess;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands what the server sends to the client's reading thread, and wakes its writing thread when the channel takes
 * writes again. The queue is bounded by the window: the server holds what the reader has not taken.
 */
final class InboundQueueHandler extends ChannelInboundHandlerAdapter {

    /** Marks the end of the stream; never read from. */
    static final ByteBuf END = Unpooled.EMPTY_BUFFER;

    private final BlockingQueue<ByteBuf> received = new LinkedBlockingQueue<>();
    private final Object writability = new Object();
    /** Guarded by writability: counts the changes, so a writer cannot miss one between its check and its wait. */
    private long writabilityChanges;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof ByteBuf buffer && buffer.isReadable()) {
            received.add(buffer);
        } else {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end();
        wakeWriters();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        wakeWriters();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** The next buffer, {@link #END} when the stream ended; blocks until there is one. */
    ByteBuf take() throws InterruptedException {
        return received.take();
    }

    /** Ends the stream for the reader: what is queued is still read, then {@link #END}. */
    void end() {
        received.add(END);
    }

    /** Releases what was never read. */
    void discard() {
        ByteBuf left;
        while ((left = received.poll()) != null) {
            if (left != END) {
                left.release();
            }
        }
    }

    /** The count of writability changes so far, to pass to {@link #awaitWritabilityChange}. */
    long writabilityChanges() {
        synchronized (writability) {
            return writabilityChanges;
        }
    }

    /** Waits until the writability changed (or the channel closed) after {@code seen} changes. */
    void awaitWritabilityChange(long seen) throws InterruptedException {
        synchronized (writability) {
            while (writabilityChanges == seen) {
                writability.wait();
            }
        }
    }

    private void wakeWriters() {
        synchronized (writability) {
            writabilityChanges++;
            writability.notifyAll();
        }
    }
}
