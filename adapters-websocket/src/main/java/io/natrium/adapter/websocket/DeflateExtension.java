package io.natrium.adapter.websocket;

import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilter;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilterProvider;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;

import java.util.HashMap;
import java.util.Map;

/**
 * permessage-deflate (RFC 7692) as nats-server negotiates it: whatever the client offered, both sides without
 * context takeover. Netty's encoder compresses; like nats-server, a batch of 64 bytes or less is sent uncompressed, at
 * deflate's fastest level. What clients send is inflated by {@link BoundedInflateDecoder}, not by Netty's decoder,
 * which would inflate a whole frame before anything could look at it.
 */
final class DeflateExtension {

    /** nats-server's {@code wsCompressThreshold}. */
    static final int COMPRESS_THRESHOLD = 64;
    /** Go's {@code flate.BestSpeed}. */
    private static final int BEST_SPEED = 1;
    private static final int MAX_WINDOW_BITS = 15;
    private static final int UNUSED_DECODER_LIMIT = 64 * 1024;

    private static final WebSocketExtensionFilter SMALL_FRAMES =
            frame -> frame.content().readableBytes() <= COMPRESS_THRESHOLD;

    private static final WebSocketExtensionFilterProvider FILTERS = new WebSocketExtensionFilterProvider() {
        @Override
        public WebSocketExtensionFilter encoderFilter() {
            return SMALL_FRAMES;
        }

        @Override
        public WebSocketExtensionFilter decoderFilter() {
            return WebSocketExtensionFilter.NEVER_SKIP;
        }
    };

    private DeflateExtension() {
    }

    /** The negotiated extension, of which only the encoder is used; its decoder is bounded all the same. */
    static WebSocketServerExtension negotiated() {
        PerMessageDeflateServerExtensionHandshaker handshaker = new PerMessageDeflateServerExtensionHandshaker(
                BEST_SPEED, false, MAX_WINDOW_BITS, true, true, FILTERS, UNUSED_DECODER_LIMIT);
        Map<String, String> parameters = new HashMap<>();
        parameters.put("server_no_context_takeover", null);
        parameters.put("client_no_context_takeover", null);
        return handshaker.handshakeExtension(new WebSocketExtensionData("permessage-deflate", parameters));
    }
}
