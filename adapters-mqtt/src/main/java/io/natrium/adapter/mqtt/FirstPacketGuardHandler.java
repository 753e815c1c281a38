package io.natrium.adapter.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Judges a connection's first byte before Netty's MQTT decoder waits for a whole packet: nats-server refuses a first
 * packet other than CONNECT on its type alone, before its length or body arrive, and names an HTTP request on the
 * MQTT port (a WebSocket client at the wrong port) as such. The refusal goes to the {@link MqttConnectionHandler} as
 * a {@link Refused} event; either way this handler then leaves the pipeline.
 */
final class FirstPacketGuardHandler extends ChannelInboundHandlerAdapter {

    /** What nats-server's {@code errMQTTNotWebsocketPort} says. */
    static final String NOT_WEBSOCKET_PORT =
            "MQTT clients over websocket must connect to the Websocket port, not the MQTT port";
    private static final int CONNECT = 0x10;
    private static final int TYPE_MASK = 0xF0;
    private static final byte[] HTTP_GET = {'G', 'E', 'T', ' '};

    /** The first packet was refused, for {@code error}. */
    record Refused(String error) {
    }

    private final boolean websocket;

    /** {@code websocket}: the bytes come from WebSocket frames, where an HTTP request cannot be mistaken. */
    FirstPacketGuardHandler(boolean websocket) {
        this.websocket = websocket;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes) || !bytes.isReadable()) {
            ctx.fireChannelRead(msg);
            return;
        }
        ctx.pipeline().remove(this);
        int type = bytes.getUnsignedByte(bytes.readerIndex()) & TYPE_MASK;
        if (type == CONNECT) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean http = !websocket && startsWithGet(bytes);
        bytes.release();
        ctx.fireUserEventTriggered(new Refused(http ? NOT_WEBSOCKET_PORT
                : "the first packet should be a CONNECT (" + CONNECT + "), got " + type));
    }

    private static boolean startsWithGet(ByteBuf bytes) {
        if (bytes.readableBytes() < HTTP_GET.length) {
            return false;
        }
        for (int i = 0; i < HTTP_GET.length; i++) {
            if (bytes.getByte(bytes.readerIndex() + i) != HTTP_GET[i]) {
                return false;
            }
        }
        return true;
    }
}
