package io.natrium.testkit.leak;

import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class after which Netty reported a leaked buffer. Leaks are reported when a leaked buffer has been
 * garbage-collected and the next buffer is allocated, so the guard collects garbage and allocates a few buffers
 * before it looks. Registered for every test class through extension auto-detection.
 */
public final class NettyLeakGuard implements BeforeAllCallback, AfterAllCallback {

    private static final int PROBES = 8;

    @Override
    public void beforeAll(ExtensionContext context) {
        LeakReports.take();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!nettyBuffersLoaded()) {
            return;
        }
        for (int round = 0; round < 2; round++) {
            System.gc();
            System.runFinalization();
            provokeReports();
        }
        List<String> leaks = LeakReports.take();
        if (!leaks.isEmpty()) {
            fail(leaks.size() + " Netty buffer leak(s) reported during " + context.getDisplayName() + ":\n"
                    + String.join("\n", leaks));
        }
    }

    private static boolean nettyBuffersLoaded() {
        try {
            Class.forName("io.netty.buffer.AbstractByteBuf", false, NettyLeakGuard.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void provokeReports() {
        for (int i = 0; i < PROBES; i++) {
            ByteBuf pooled = PooledByteBufAllocator.DEFAULT.directBuffer(16);
            pooled.release();
            ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.heapBuffer(16);
            unpooled.release();
        }
    }
}
