package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates permessage-deflate messages (no context takeover, as negotiated) a chunk at a time, each chunk passed on
 * at once as an uncompressed frame. nats-server hands what it inflates to its parser, which closes a client sending
 * garbage or an oversized PUB on the first bytes: passing chunks on keeps that answer for a deflate bomb, and the
 * inflation stops as soon as the connection is closed, or once a message has inflated past {@code maxMessage}, so a
 * small frame can never be blown up in memory (Netty's own decoder inflates a whole frame before anything sees it).
 */
final class BoundedInflateDecoder extends ChannelInboundHandlerAdapter {

    /** RSV1 as Netty reports a frame's reserved bits: permessage-deflate's "compressed". */
    private static final int COMPRESSED_BIT = 0x4;
    /** RFC 7692 7.2.2: the end of a sync flush, which the sender leaves out of each message. */
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};
    private static final int CHUNK = 64 * 1024;

    private final int maxMessage;
    private final Inflater inflater = new Inflater(true);
    private boolean inCompressedMessage;
    private long inflatedInMessage;

    BoundedInflateDecoder(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame) || !isData(frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean first = !(frame instanceof ContinuationWebSocketFrame);
        if (first) {
            inCompressedMessage = (frame.rsv() & COMPRESSED_BIT) != 0;
            inflatedInMessage = 0;
            inflater.reset();
        }
        if (!inCompressedMessage) {
            ctx.fireChannelRead(frame);
            return;
        }
        try {
            inflate(ctx, frame.content(), frame.isFinalFragment());
        } catch (DataFormatException e) {
            inCompressedMessage = false;
            ctx.fireExceptionCaught(new DecompressionException(String.valueOf(e.getMessage()), e));
        } finally {
            frame.release();
        }
    }

    private static boolean isData(WebSocketFrame frame) {
        return frame instanceof BinaryWebSocketFrame || frame instanceof TextWebSocketFrame
                || frame instanceof ContinuationWebSocketFrame;
    }

    private void inflate(ChannelHandlerContext ctx, ByteBuf compressed, boolean last) throws DataFormatException {
        byte[] input = new byte[compressed.readableBytes() + (last ? TAIL.length : 0)];
        compressed.readBytes(input, 0, compressed.readableBytes());
        if (last) {
            System.arraycopy(TAIL, 0, input, input.length - TAIL.length, TAIL.length);
        }
        inflater.setInput(input);
        byte[] chunk = new byte[CHUNK];
        while (ctx.channel().isActive()) {
            int n = inflater.inflate(chunk);
            if (n == 0) {
                // Input used up, the deflate stream finished, or a dictionary asked for (which permessage-deflate
                // never sets): nothing more comes of this frame.
                break;
            }
            inflatedInMessage += n;
            ctx.fireChannelRead(new BinaryWebSocketFrame(true, 0, ctx.alloc().buffer(n).writeBytes(chunk, 0, n)));
            if (inflatedInMessage > maxMessage) {
                // What the parser took of it did not end the connection: the message is still too large to be
                // worth inflating on.
                inCompressedMessage = false;
                ctx.fireExceptionCaught(new DecompressionException(
                        "compressed message inflates to more than " + maxMessage + " bytes"));
                return;
            }
        }
        if (last) {
            inCompressedMessage = false;
            inflater.reset();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        inflater.end();
    }
}
