package io.natrium.adapter.tcp;

import io.natrium.application.port.TlsHandshake;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Looks at the header of the client's first TLS record before the TLS layer does, as Go does: a handshake or alert
 * record announcing more than Go's largest record (16 KiB plus 2 KiB) is refused at once with a
 * {@code record_overflow} alert, where JSSE would wait for all of it until the handshake timeout. Everything else
 * passes untouched, and the handler leaves the pipeline.
 */
final class FirstRecordGuardHandler extends ByteToMessageDecoder {

    private static final int HEADER = 5;
    private static final int MAX_CIPHERTEXT = 16384 + 2048;
    private static final int ALERT = 0x15;
    private static final int HANDSHAKE = 0x16;
    /** Go's alert: level fatal (2), description record_overflow (22), in a TLS 1.0 record as before any version. */
    private static final byte[] RECORD_OVERFLOW = {ALERT, 0x03, 0x01, 0x00, 0x02, 0x02, 0x16};

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < HEADER) {
            return;
        }
        int at = in.readerIndex();
        int type = in.getUnsignedByte(at);
        int version = in.getUnsignedShort(at + 1);
        int length = in.getUnsignedShort(at + 3);
        if ((type == HANDSHAKE || type == ALERT) && version < 0x1000 && length > MAX_CIPHERTEXT) {
            in.skipBytes(in.readableBytes());
            ctx.writeAndFlush(Unpooled.wrappedBuffer(RECORD_OVERFLOW));
            ctx.fireUserEventTriggered(new TlsHandshake.Failed("tls: oversized record received with length "
                    + length));
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
    }
}
