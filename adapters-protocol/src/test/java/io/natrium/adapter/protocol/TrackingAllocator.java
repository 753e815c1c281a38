package io.natrium.adapter.protocol;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that remembers every buffer it hands out, so a test can check that each one was released: a
 * deterministic leak check, where Netty's leak detector reports only what the garbage collector happens to find.
 */
final class TrackingAllocator extends AbstractByteBufAllocator {

    private final ByteBufAllocator delegate;
    private final List<ByteBuf> allocated = new ArrayList<>();

    TrackingAllocator(ByteBufAllocator delegate) {
        super(false);
        this.delegate = delegate;
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(delegate.heapBuffer(initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return track(delegate.directBuffer(initialCapacity, maxCapacity));
    }

    @Override
    public boolean isDirectBufferPooled() {
        return delegate.isDirectBufferPooled();
    }

    /** How many buffers were handed out. */
    synchronized int handedOut() {
        return allocated.size();
    }

    /** Buffers handed out and not yet released. */
    synchronized List<ByteBuf> unreleased() {
        return allocated.stream().filter(buffer -> buffer.refCnt() > 0).toList();
    }

    private synchronized ByteBuf track(ByteBuf buffer) {
        allocated.add(buffer);
        return buffer;
    }
}
