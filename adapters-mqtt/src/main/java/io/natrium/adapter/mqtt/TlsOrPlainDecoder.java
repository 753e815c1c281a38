package io.natrium.adapter.mqtt;

import io.natrium.adapter.tls.ServerTls;
import io.natrium.adapter.tls.TlsEventsHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * The MQTT port's TLS under {@code allow_non_tls}, as nats-server's {@code createMQTTClient} decides it: a first byte
 * of 0x16 (a TLS handshake record) starts TLS, anything else is plain MQTT. Either way this decoder leaves the
 * pipeline, and what it held goes on to the TLS layer or to the MQTT decoder.
 */
final class TlsOrPlainDecoder extends ByteToMessageDecoder {

    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    private final ServerTls tls;

    TlsOrPlainDecoder(ServerTls tls) {
        this.tls = tls;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        if (in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE_RECORD) {
            // Netty hands what this decoder held to the handler that replaces it.
            ctx.pipeline().replace(this, "tls", tls.newHandler(ctx.alloc()));
        } else {
            ctx.pipeline().remove(TlsEventsHandler.class);
            ctx.pipeline().remove(this);
        }
    }
}
