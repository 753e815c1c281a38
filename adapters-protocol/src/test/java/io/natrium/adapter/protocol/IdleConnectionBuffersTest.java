package io.natrium.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An idle connection holds no pooled buffer, as nats-server shrinks the buffers of a quiet client: after traffic in
 * both directions the pending buffer has gone to the socket and the read buffer back to the pool; a read that ended
 * inside an operation keeps only a buffer the size of what it must keep, not the read buffer it came in.
 */
class IdleConnectionBuffersTest {

    /** What a socket read hands the server: a buffer of Netty's largest adaptive read size. */
    private static final int READ_BUFFER = 64 * 1024;
    private static final String MESSAGE = "PUB foo 16\r\n0123456789abcdef\r\n";

    private final TrackingAllocator allocator = new TrackingAllocator(PooledByteBufAllocator.DEFAULT);
    private final EmbeddedClients server = new EmbeddedClients();
    private EmbeddedChannel subscriber;
    private EmbeddedChannel publisher;

    @AfterEach
    void closeClients() {
        for (EmbeddedChannel channel : new EmbeddedChannel[] {subscriber, publisher}) {
            if (channel != null) {
                drain(channel);
                channel.finishAndReleaseAll();
            }
        }
        assertThat(allocator.unreleased()).as("buffers still referenced after the close").isEmpty();
    }

    @Test
    void afterTrafficInBothDirectionsAnIdleConnectionHoldsNoBuffer() throws Exception {
        connectBoth();
        read(publisher, MESSAGE.repeat(500));

        assertThat(drain(subscriber)).as("what the subscriber got").hasSize(500 * ("MSG foo 1 16\r\n"
                + "0123456789abcdef\r\n").length());
        assertThat(publisher.isActive()).isTrue();
        assertThat(subscriber.isActive()).isTrue();
        assertThat(allocator.handedOut()).as("buffers the reads and writes used").isPositive();
        assertThat(allocator.unreleased()).as("buffers the idle connections hold").isEmpty();
    }

    @Test
    void aReadEndingInsideAnOperationKeepsOnlyItsLastBytesNotTheReadBuffer() throws Exception {
        connectBoth();
        String partial = "PUB foo 16\r\n01234";
        read(publisher, MESSAGE.repeat(300) + partial);
        assertThat(drain(subscriber)).as("the 300 whole messages").hasSize(300 * 32);

        List<ByteBuf> held = allocator.unreleased();
        assertThat(held).as("the buffer holding the unfinished PUB").hasSize(1);
        assertThat(held.get(0).capacity()).as("its capacity").isLessThan(READ_BUFFER / 8);
        // The control line has been read (its subject kept aside); the part of the body that came is what waits.
        assertThat(held.get(0).toString(StandardCharsets.US_ASCII)).as("what it holds").isEqualTo("01234");

        read(publisher, "56789abcdef\r\nPING\r\n");
        assertThat(drain(subscriber)).as("the 301st message, whole")
                .isEqualTo("MSG foo 1 16\r\n0123456789abcdef\r\n");
        assertThat(drain(publisher)).isEqualTo("PONG\r\n");
        assertThat(allocator.unreleased()).as("buffers held once the operation is complete").isEmpty();
    }

    @Test
    void theReadAfterOneEndingInsideAMessageIsDecodedWhereItLiesNotCopied() throws Exception {
        connectBoth();
        read(publisher, MESSAGE.repeat(100) + "PUB foo 16\r\n01234");
        drain(subscriber);
        int before = allocator.handedOut();

        read(publisher, "56789abcdef\r\n" + MESSAGE.repeat(1_000) + "PING\r\n");

        assertThat(drain(subscriber)).as("the finished message and the thousand after it").hasSize(1_001 * 32);
        assertThat(drain(publisher)).isEqualTo("PONG\r\n");
        // Besides the read buffer itself, only the subscriber's and the publisher's pending data: no buffer joining
        // the carried bytes with the new read.
        assertThat(allocator.handedOut() - before).as("buffers allocated for the second read").isEqualTo(3);
        assertThat(allocator.unreleased()).isEmpty();
    }

    @Test
    void aSmallReadBufferHoldingAnUnfinishedOperationIsNotKeptEither() throws Exception {
        connectBoth();
        ByteBuf small = allocator.directBuffer(1024);
        small.writeCharSequence("PUB foo 16\r\n01", StandardCharsets.US_ASCII);
        publisher.writeInbound(small);

        List<ByteBuf> held = allocator.unreleased();
        assertThat(held).as("what holds the unfinished PUB").hasSize(1);
        assertThat(held.get(0)).as("a buffer of the connection's own, not the read buffer").isNotSameAs(small);
        assertThat(held.get(0).toString(StandardCharsets.US_ASCII)).isEqualTo("01");
    }

    private void connectBoth() throws Exception {
        subscriber = server.newChannel(allocator);
        server.accept(subscriber);
        read(subscriber, "CONNECT {\"verbose\":false}\r\nSUB foo 1\r\nPING\r\n");
        assertThat(drain(subscriber)).startsWith("INFO {").endsWith("PONG\r\n");
        publisher = server.newChannel(allocator);
        server.accept(publisher);
        read(publisher, "CONNECT {\"verbose\":false}\r\n");
        assertThat(drain(publisher)).startsWith("INFO {");
    }

    /** One socket read: the text in a read buffer of {@link #READ_BUFFER} bytes from the channel's allocator. */
    private void read(EmbeddedChannel channel, String text) {
        ByteBuf buffer = allocator.directBuffer(READ_BUFFER);
        buffer.writeCharSequence(text, StandardCharsets.US_ASCII);
        channel.writeInbound(buffer);
    }

    /** Takes and releases what the server wrote, as a socket's write would. */
    private static String drain(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            ByteBuf buffer = (ByteBuf) out;
            text.append(buffer.toString(StandardCharsets.US_ASCII));
            buffer.release();
        }
        return text.toString();
    }
}
