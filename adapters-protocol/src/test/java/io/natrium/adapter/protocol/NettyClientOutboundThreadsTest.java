package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ByteArrayMessage.view;
import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.natrium.application.port.CloseReason;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound used from a thread other than its channel's event loop, as publishers on other connections use it:
 * over an in-VM {@link LocalChannel} pair on a real event loop.
 */
class NettyClientOutboundThreadsTest {

    private static final long TIMEOUT_SECONDS = 10;
    private static final int MESSAGES = 100;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    private final StringBuilder received = new StringBuilder();
    private final CompletableFuture<String> allReceived = new CompletableFuture<>();
    private final AtomicInteger writes = new AtomicInteger();
    /** Guarded by {@link #received}. */
    private int expectedLength = Integer.MAX_VALUE;
    private Channel server;
    private Channel client;
    private Channel peer;

    @BeforeEach
    void connect() throws Exception {
        BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
        server = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel channel) {
                        channel.pipeline().addLast(new WriteCountingHandler());
                        accepted.add(channel);
                    }
                }).bind(LocalAddress.ANY).sync().channel();
        client = new Bootstrap().group(group).channel(LocalChannel.class).handler(new ReceivingHandler())
                .connect(server.localAddress()).sync().channel();
        peer = accepted.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        if (!group.isShuttingDown()) {
            client.close().syncUninterruptibly();
            server.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void flushesFromAnotherThreadThroughOneWriteOnTheChannelsEventLoop() throws Exception {
        NettyClientOutbound outbound = new NettyClientOutbound(peer, FixedLimits.of(Long.MAX_VALUE, 0));
        assertThat(peer.eventLoop().inEventLoop()).isFalse();
        CountDownLatch eventLoopBusy = new CountDownLatch(1);
        peer.eventLoop().execute(() -> await(eventLoopBusy));

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < MESSAGES; i++) {
            String payload = "message " + i;
            outbound.deliver(view("foo"), bytes("1"), view(""),
                    ByteArrayMessage.of("foo", "", new byte[0], bytes(payload)), false);
            outbound.flush();
            expected.append("MSG foo 1 ").append(payload.length()).append("\r\n").append(payload).append("\r\n");
        }
        eventLoopBusy.countDown();

        assertThat(allReceived(expected.length())).isEqualTo(expected.toString());
        assertThat(writes.get()).as("writes: the flushes queued while the event loop was busy coalesce").isEqualTo(1);
        assertThat(outbound.pendingBytes()).isZero();
    }

    @Test
    void closesFromAnotherThreadAfterSendingWhatIsQueued() throws Exception {
        NettyClientOutbound outbound = new NettyClientOutbound(peer, FixedLimits.of(Long.MAX_VALUE, 0));

        outbound.sendError("Stale Connection");
        outbound.close(CloseReason.STALE_CONNECTION);

        String error = "-ERR 'Stale Connection'\r\n";
        assertThat(allReceived(error.length())).isEqualTo(error);
        assertThat(peer.closeFuture().await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closingOrFlushingAfterTheEventLoopStoppedThrowsNothingAndLeaksNothing() {
        TrackingAllocator allocator = new TrackingAllocator(PooledByteBufAllocator.DEFAULT);
        peer.config().setAllocator(allocator);
        NettyClientOutbound outbound = new NettyClientOutbound(peer, FixedLimits.of(Long.MAX_VALUE, 0));
        outbound.sendError("Server Shutdown");
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();

        assertThatCode(outbound::flush).as("flush").doesNotThrowAnyException();
        assertThatCode(() -> outbound.close(CloseReason.SERVER_SHUTDOWN)).as("close").doesNotThrowAnyException();

        assertThat(allocator.handedOut()).isEqualTo(1);
        assertThat(allocator.unreleased()).as("buffers not released").isEmpty();
    }

    /** Waits until the client has read {@code length} bytes; returns them. */
    private String allReceived(int length) throws Exception {
        synchronized (received) {
            expectedLength = length;
            completeIfDone();
        }
        return allReceived.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private void completeIfDone() {
        if (received.length() >= expectedLength) {
            allReceived.complete(received.toString());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts the writes that reach the peer channel. */
    private final class WriteCountingHandler extends ChannelDuplexHandler {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            writes.incrementAndGet();
            ctx.write(msg, promise);
        }
    }

    /** Collects what the client side reads. */
    private final class ReceivingHandler extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buffer = (ByteBuf) msg;
            synchronized (received) {
                received.append(buffer.toString(StandardCharsets.ISO_8859_1));
                completeIfDone();
            }
            buffer.release();
        }
    }
}
