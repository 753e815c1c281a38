package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FirstPacketGuardHandlerTest {

    /** What reaches the handler after the guard: reads and events. */
    private static final class Recorder extends ChannelInboundHandlerAdapter {
        final List<Object> seen = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            seen.add(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            seen.add(event);
        }
    }

    @Test
    void aConnectPassesAndTheGuardLeaves() {
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel(new FirstPacketGuardHandler(false), recorder);
        ByteBuf connect = Unpooled.wrappedBuffer(new byte[] {0x10, 0x0C});
        channel.writeInbound(connect);
        ByteBuf publish = Unpooled.wrappedBuffer(new byte[] {0x30, 0x00});
        channel.writeInbound(publish);

        assertThat(recorder.seen).containsExactly(connect, publish);
        assertThat(channel.pipeline().get(FirstPacketGuardHandler.class)).isNull();
        connect.release();
        publish.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void anotherFirstByteIsRefusedBeforeItsPacketIsWhole() {
        Recorder recorder = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel(new FirstPacketGuardHandler(false), recorder);
        ByteBuf first = Unpooled.wrappedBuffer(new byte[] {0x32});
        channel.writeInbound(first);

        assertThat(recorder.seen).containsExactly(
                new FirstPacketGuardHandler.Refused("the first packet should be a CONNECT (16), got 48"));
        assertThat(first.refCnt()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void anHttpRequestIsNamedAsAWebsocketClientAtTheWrongPortUnlessFramesBroughtIt() {
        for (boolean websocket : new boolean[] {false, true}) {
            Recorder recorder = new Recorder();
            EmbeddedChannel channel = new EmbeddedChannel(new FirstPacketGuardHandler(websocket), recorder);
            channel.writeInbound(Unpooled.copiedBuffer("GET /mqtt HTTP/1.1\r\n", StandardCharsets.US_ASCII));

            assertThat(recorder.seen).containsExactly(new FirstPacketGuardHandler.Refused(websocket
                    ? "the first packet should be a CONNECT (16), got 64"
                    : FirstPacketGuardHandler.NOT_WEBSOCKET_PORT));
            channel.finishAndReleaseAll();
        }
    }
}
