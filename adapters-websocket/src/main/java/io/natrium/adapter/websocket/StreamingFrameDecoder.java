package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Decodes a client's RFC 6455 frames as nats-server's {@code wsRead} does: headers checked in its order and refused
 * in its words, and data frames of any size passed on, unmasked, as their bytes arrive (a read's last piece as the
 * read buffer itself, see {@link MaskedPayload}), so a frame is never held whole (Netty's decoder waits for a whole
 * frame). Only a frame header (at most 14 bytes) and a control frame's payload (at most 125) are kept across reads.
 *
 * <p>What goes on is Netty's frame types, each message cut into pieces where the reads cut it: the first piece is
 * the message's binary or text frame with its compression bit (RSV1; nats-server ignores RSV2 and RSV3), the others
 * continuations, the last one final. A frame of zero bytes gives an empty piece, so that the end of a message is
 * always seen. Control frames go on whole. After a close frame or a frame breaking the protocol nothing more is read.
 *
 * <p>Not thread-safe: one per connection, on its event loop.
 */
final class StreamingFrameDecoder extends ChannelInboundHandlerAdapter {

    private static final int FINAL_BIT = 0x80;
    private static final int RSV1_BIT = 0x40;
    private static final int MASK_BIT = 0x80;
    /** Netty's value of a frame's reserved bits for RSV1, as the handlers after this one read it. */
    private static final int COMPRESSED_RSV = 0x4;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private final boolean masked;
    private final FrameHeader header;
    private final byte[] control = new byte[MAX_CONTROL_PAYLOAD];
    private final MaskedPayload payload = new MaskedPayload();
    /** The payload bytes of the current frame still to come. */
    private long remaining;
    private boolean inFrame;
    /** The last data frame seen was final: a new message may start (nats-server's {@code ff}). */
    private boolean messageEnded = true;
    /** Whether a piece of the current message went on already (later pieces are continuations). */
    private boolean messageStarted;
    private int messageRsv;
    private boolean textMessage;
    private boolean finalFrame;
    private int opcode;
    private int controlLength;
    /** A close frame or a broken frame came: the rest of the input is dropped. */
    private boolean done;

    /** @param masked client frames must be masked (no {@code Nats-No-Masking}) */
    StreamingFrameDecoder(boolean masked) {
        this.masked = masked;
        this.header = new FrameHeader(masked);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            while (in.isReadable() && !done) {
                if (!inFrame) {
                    readHeader(ctx, in);
                } else if (isControl(opcode)) {
                    readControl(ctx, in);
                } else if (readData(ctx, in)) {
                    // The rest of the read went on as it is: none of it is this handler's any more.
                    return;
                }
            }
        } finally {
            in.release();
        }
    }

    /** Reads what the read holds of a frame header: its first two bytes are checked as soon as they are there. */
    private void readHeader(ChannelHandlerContext ctx, ByteBuf in) {
        if (!header.hasStart()) {
            if (!header.fillStart(in)) {
                return;
            }
            String refusal = refusal(header.first(), header.second());
            if (refusal != null) {
                fail(ctx, refusal);
                return;
            }
        }
        if (!header.fillRest(in)) {
            return;
        }
        remaining = header.length();
        if (remaining < 0) {
            fail(ctx, "invalid frame length " + Long.toUnsignedString(remaining));
            return;
        }
        inFrame = true;
        controlLength = 0;
        payload.start(header.maskKey());
        if (remaining == 0) {
            endFrame(ctx, ctx.alloc().buffer(0));
        }
    }

    /**
     * nats-server's checks of a frame's first two bytes, in its order, and its words for a frame that fails one; null
     * for a good frame, whose message state is then taken.
     */
    private String refusal(int first, int second) {
        if ((second & MASK_BIT) == 0 && masked) {
            return "mask bit missing";
        }
        if ((second & MASK_BIT) != 0 && !masked) {
            // Nats-No-Masking asked for, and masked all the same: refused as Netty's decoder refused it before.
            return "mask bit missing";
        }
        opcode = first & 0x0f;
        finalFrame = (first & FINAL_BIT) != 0;
        boolean compressed = (first & RSV1_BIT) != 0;
        switch (opcode) {
            case Opcodes.CLOSE, Opcodes.PING, Opcodes.PONG -> {
                if ((second & 0x7f) > MAX_CONTROL_PAYLOAD) {
                    return "control frame length bigger than maximum allowed of " + MAX_CONTROL_PAYLOAD + " bytes";
                }
                if (!finalFrame) {
                    return "control frame does not have final bit set";
                }
            }
            case Opcodes.TEXT, Opcodes.BINARY -> {
                if (!messageEnded) {
                    return "new message started before final frame for previous message was received";
                }
                messageStarted = false;
                messageRsv = compressed ? COMPRESSED_RSV : 0;
                textMessage = opcode == Opcodes.TEXT;
                messageEnded = finalFrame;
            }
            case Opcodes.CONTINUATION -> {
                // The compression bit belongs on a message's first frame only.
                if (messageEnded || compressed) {
                    return "invalid continuation frame";
                }
                messageEnded = finalFrame;
            }
            default -> {
                return "unknown opcode " + opcode;
            }
        }
        return null;
    }

    /** Passes on what the read holds of the frame's payload; true when that was all of the read, {@code in} itself. */
    private boolean readData(ChannelHandlerContext ctx, ByteBuf in) {
        int n = (int) Math.min(remaining, in.readableBytes());
        boolean restOfRead = n == in.readableBytes();
        ByteBuf piece = restOfRead ? payload.rest(ctx.alloc(), in) : payload.next(ctx.alloc(), in, n);
        boolean handedOver = piece == in;
        remaining -= n;
        if (remaining == 0) {
            endFrame(ctx, piece);
        } else {
            ctx.fireChannelRead(piece(piece, false));
        }
        return handedOver;
    }

    private void readControl(ChannelHandlerContext ctx, ByteBuf in) {
        int n = (int) Math.min(remaining, in.readableBytes());
        in.readBytes(control, controlLength, n);
        controlLength += n;
        remaining -= n;
        if (remaining == 0) {
            ByteBuf content = ctx.alloc().buffer(controlLength).writeBytes(control, 0, controlLength);
            payload.unmask(content);
            endFrame(ctx, content);
        }
    }

    private void endFrame(ChannelHandlerContext ctx, ByteBuf content) {
        inFrame = false;
        header.clear();
        switch (opcode) {
            case Opcodes.CLOSE -> {
                // As nats-server's read loop: the close ends what is read from the client.
                done = true;
                ctx.fireChannelRead(new CloseWebSocketFrame(true, 0, content));
            }
            case Opcodes.PING -> ctx.fireChannelRead(new PingWebSocketFrame(content));
            case Opcodes.PONG -> ctx.fireChannelRead(new PongWebSocketFrame(content));
            default -> ctx.fireChannelRead(piece(content, finalFrame && messageEnded));
        }
    }

    private WebSocketFrame piece(ByteBuf content, boolean lastOfMessage) {
        if (messageStarted) {
            return new ContinuationWebSocketFrame(lastOfMessage, 0, content);
        }
        messageStarted = true;
        return textMessage ? new TextWebSocketFrame(lastOfMessage, messageRsv, content)
                : new BinaryWebSocketFrame(lastOfMessage, messageRsv, content);
    }

    /** Nothing more is read; the frame handler answers with nats-server's close frame and closes. */
    private void fail(ChannelHandlerContext ctx, String reason) {
        done = true;
        ctx.fireExceptionCaught(new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR, reason));
    }

    private static boolean isControl(int opcode) {
        return opcode >= Opcodes.CLOSE;
    }

    /** RFC 6455's opcodes that nats-server knows. */
    private static final class Opcodes {
        static final int CONTINUATION = 0x0;
        static final int TEXT = 0x1;
        static final int BINARY = 0x2;
        static final int CLOSE = 0x8;
        static final int PING = 0x9;
        static final int PONG = 0xa;

        private Opcodes() {
        }
    }
}
