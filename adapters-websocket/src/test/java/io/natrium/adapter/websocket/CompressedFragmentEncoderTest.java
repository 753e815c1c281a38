package io.natrium.adapter.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompressedFragmentEncoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new CompressedFragmentEncoder());

    @Test
    void aCompressedMessageOverFourKibibytesIsCutIntoFragments() {
        channel.writeOutbound(new BinaryWebSocketFrame(true, 4, Unpooled.wrappedBuffer(new byte[10_000])));

        assertThat(written()).containsExactly("binary fin=false rsv=4 4096", "continuation fin=false rsv=0 4096",
                "continuation fin=true rsv=0 1808");
    }

    @Test
    void uncompressedAndSmallFramesPassWhole() {
        channel.writeOutbound(new BinaryWebSocketFrame(true, 0, Unpooled.wrappedBuffer(new byte[10_000])));
        channel.writeOutbound(new BinaryWebSocketFrame(true, 4, Unpooled.wrappedBuffer(new byte[4096])));

        assertThat(written()).containsExactly("binary fin=true rsv=0 10000", "binary fin=true rsv=4 4096");
    }

    private List<String> written() {
        List<String> frames = new ArrayList<>();
        WebSocketFrame frame;
        while ((frame = channel.readOutbound()) != null) {
            String kind = frame instanceof ContinuationWebSocketFrame ? "continuation" : "binary";
            frames.add(kind + " fin=" + frame.isFinalFragment() + " rsv=" + frame.rsv() + " "
                    + frame.content().readableBytes());
            frame.release();
        }
        return frames;
    }
}
