package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;

/**
 * Netty's RFC 6455 frame decoder, taking a client's close frame as nats-server takes it: any status and any body
 * (nats-server echoes a status RFC 6455 forbids, answers a one-byte body as no status, and an invalid UTF-8 body with
 * 1007), all of which {@link WebsocketFrameHandler} does. Netty would refuse such frames as protocol errors.
 */
final class WebsocketFrameDecoder extends WebSocket13FrameDecoder {

    WebsocketFrameDecoder(WebSocketDecoderConfig config) {
        super(config);
    }

    @Override
    protected void checkCloseFrameBody(ChannelHandlerContext ctx, ByteBuf buffer) {
        // Accepted as it is: the frame handler answers it.
    }
}
