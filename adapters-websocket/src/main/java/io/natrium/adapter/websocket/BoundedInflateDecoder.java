package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates permessage-deflate messages (no context takeover, as negotiated) as their compressed pieces arrive, a
 * 64 KiB chunk at a time, each chunk passed on at once as an uncompressed frame: a message of any size is never held
 * whole, compressed or inflated. nats-server hands what it inflates to its parser, which closes a client sending
 * garbage or an oversized PUB on the first bytes: passing chunks on keeps that answer for a deflate bomb, and the
 * inflation stops as soon as the connection is closed.
 *
 * <p>A few compressed bytes can inflate to megabytes, so the inflation also stops while the connection does not read
 * (a fast producer's stall, a CONNECT being decided): what is left of the piece waits in the inflater, and the pieces
 * after it in order, until the channel is asked to read again. Without that, a deflate bomb sent behind a CONNECT
 * would pile up in the protocol handler while the session holds its input.
 *
 * <p>Not thread-safe: one per connection, on its event loop.
 */
final class BoundedInflateDecoder extends ChannelDuplexHandler {

    /** RSV1 as Netty reports a frame's reserved bits: permessage-deflate's "compressed". */
    private static final int COMPRESSED_BIT = 0x4;
    /** RFC 7692 7.2.2: the end of a sync flush, which the sender leaves out of each message. */
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};
    private static final int CHUNK = 64 * 1024;

    private final Inflater inflater = new Inflater(true);
    private final byte[] chunk = new byte[CHUNK];
    /** What arrived while a piece was still being inflated, in order. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private boolean inCompressedMessage;
    /** The inflater holds input of a piece not inflated yet (the connection stopped reading). */
    private boolean inflating;
    /** The piece being inflated is the last of its message. */
    private boolean pieceEndsMessage;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (inflating || !waiting.isEmpty()) {
            waiting.add(msg);
            return;
        }
        take(ctx, msg);
    }

    private void take(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame) || !isData(frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!(frame instanceof ContinuationWebSocketFrame)) {
            inCompressedMessage = (frame.rsv() & COMPRESSED_BIT) != 0;
            inflater.reset();
        }
        if (!inCompressedMessage) {
            ctx.fireChannelRead(frame);
            return;
        }
        try {
            feed(frame.content(), frame.isFinalFragment());
        } finally {
            frame.release();
        }
        inflate(ctx);
    }

    private static boolean isData(WebSocketFrame frame) {
        return frame instanceof BinaryWebSocketFrame || frame instanceof TextWebSocketFrame
                || frame instanceof ContinuationWebSocketFrame;
    }

    private void feed(ByteBuf compressed, boolean last) {
        byte[] input = new byte[compressed.readableBytes() + (last ? TAIL.length : 0)];
        compressed.readBytes(input, 0, compressed.readableBytes());
        if (last) {
            System.arraycopy(TAIL, 0, input, input.length - TAIL.length, TAIL.length);
        }
        inflater.setInput(input);
        inflating = true;
        pieceEndsMessage = last;
    }

    /** Inflates what the inflater holds while the connection is open and reads. */
    private void inflate(ChannelHandlerContext ctx) {
        try {
            while (ctx.channel().isActive()) {
                if (!ctx.channel().config().isAutoRead()) {
                    // Resumed by read(), once the connection reads again.
                    return;
                }
                int n = inflater.inflate(chunk);
                if (n == 0) {
                    // Input used up, the deflate stream finished, or a dictionary asked for (which permessage-deflate
                    // never sets): nothing more comes of this piece.
                    break;
                }
                ctx.fireChannelRead(new BinaryWebSocketFrame(true, 0, ctx.alloc().buffer(n).writeBytes(chunk, 0, n)));
            }
        } catch (DataFormatException e) {
            pieceEndsMessage = true;
            ctx.fireExceptionCaught(new DecompressionException(String.valueOf(e.getMessage()), e));
        }
        inflating = false;
        if (pieceEndsMessage) {
            inCompressedMessage = false;
            inflater.reset();
        }
    }

    /** The connection reads again: first what was left uninflated, and what came after it. */
    @Override
    public void read(ChannelHandlerContext ctx) {
        if (inflating || !waiting.isEmpty()) {
            if (inflating) {
                inflate(ctx);
            }
            while (!inflating && !waiting.isEmpty()) {
                take(ctx, waiting.poll());
            }
            ctx.fireChannelReadComplete();
            if (inflating) {
                return;
            }
        }
        ctx.read();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        inflater.end();
        Object left;
        while ((left = waiting.poll()) != null) {
            ReferenceCountUtil.release(left);
        }
    }
}
