package io.natrium.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.ProxyHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProxyProtocolHandlerTest {

    private final Recorder next = new Recorder();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    ProxyProtocolHandlerTest() {
        channel.freezeTime();
        channel.pipeline().addLast(ProxyProtocolHandler.NAME, new ProxyProtocolHandler());
        channel.pipeline().addLast(next);
        channel.pipeline().fireChannelActive();
    }

    @Test
    void tellsWhoTheClientIsThenPassesOnWhatFollowsTheHeaderAndLeaves() {
        send("PROXY TCP4 192.0.2.7 10.0.0.1 5");
        assertThat(next.events).isEmpty();
        assertThat(next.received).isEmpty();

        send("1234 4222\r\nCONNECT {}\r\n");

        assertThat(next.events).containsExactly(new ProxyHeader.Proxied("192.0.2.7", 51234));
        assertThat(next.received).hasToString("CONNECT {}\r\n");
        assertThat(channel.pipeline().get(ProxyProtocolHandler.NAME)).as("out of the pipeline").isNull();
        send("PING\r\n");
        assertThat(next.received).hasToString("CONNECT {}\r\nPING\r\n");
    }

    @Test
    void aClientWithoutAHeaderIsPassedOnUntouched() {
        send("CONN");
        assertThat(next.received).isEmpty();

        send("ECT {}\r\n");

        assertThat(next.events).isEmpty();
        assertThat(next.received).hasToString("CONNECT {}\r\n");
    }

    @Test
    void aHealthCheckHeaderNamesNobody() {
        send("PROXY UNKNOWN\r\nPING\r\n");

        assertThat(next.events).isEmpty();
        assertThat(next.received).hasToString("PING\r\n");
    }

    @Test
    void aMalformedHeaderIsReportedAndNothingOfItPassesOn() {
        send("PROXY TCP4 nowhere 10.0.0.1 1 2\r\nCONNECT {}\r\n");

        assertThat(next.events).singleElement().isInstanceOfSatisfying(ProxyHeader.Malformed.class,
                malformed -> assertThat(malformed.error()).isEqualTo("invalid PROXY protocol header: invalid address"));
        assertThat(next.received).isEmpty();
        send("PING\r\n");
        assertThat(next.received).as("nothing after a bad header is read").isEmpty();
    }

    @Test
    void aClientSilentForFiveSecondsGetsFiveMoreThenTimesOut() {
        send("PR");
        advance(4_999);
        assertThat(next.events).isEmpty();
        advance(1);
        assertThat(next.events).as("the header's own wait begins").isEmpty();

        advance(5_000);

        assertThat(next.events).singleElement().isInstanceOfSatisfying(ProxyHeader.Malformed.class,
                malformed -> assertThat(malformed.error()).startsWith("failed to read protocol version: read tcp ")
                        .endsWith(": i/o timeout"));
    }

    @Test
    void aHeaderHasFiveSecondsFromItsSignature() {
        advance(3_000);
        send("PROXY TCP4 1.2.3.4");
        advance(4_999);
        assertThat(next.events).isEmpty();

        advance(1);

        assertThat(next.events).singleElement().isInstanceOfSatisfying(ProxyHeader.Malformed.class,
                malformed -> assertThat(malformed.error()).startsWith("failed to read v1 line: read tcp "));
    }

    @Test
    void aClientGoneMidHeaderIsReportedAsGoReadsTheEnd() {
        send("PROXY TCP4 1.2.3.4");

        channel.close();

        assertThat(next.events).singleElement().isInstanceOfSatisfying(ProxyHeader.Malformed.class,
                malformed -> assertThat(malformed.error()).isEqualTo("failed to read v1 line: EOF"));
    }

    private void send(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private void advance(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    /** What reaches the handler after the PROXY protocol's. */
    private static final class Recorder extends ChannelInboundHandlerAdapter {

        final List<Object> events = new ArrayList<>();
        final StringBuilder received = new StringBuilder();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            received.append(bytes.toString(StandardCharsets.ISO_8859_1));
            bytes.release();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            events.add(event);
        }
    }
}
