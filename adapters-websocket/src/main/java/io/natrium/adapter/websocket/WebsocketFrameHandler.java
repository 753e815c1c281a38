package io.natrium.adapter.websocket;

import io.natrium.adapter.protocol.ClientReadError;
import io.natrium.application.port.CloseReason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.compression.DecompressionException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Between the frame codec and the shared protocol handler (MQTT's on {@code /mqtt}). In: the payload of every
 * data frame piece (binary or text, first or continuation: neither protocol cares where frames end) goes on as
 * bytes, exactly as a TCP read would; a ping is answered with a pong, a close with the same close, as nats-server does.
 * Out: each buffer the outbound flushes becomes one binary frame (nats-server frames each flush of its pending data
 * likewise), cut at 4 KiB for browsers when not compressed; and a close decided by the server is preceded by
 * nats-server's close frame for its reason.
 */
final class WebsocketFrameHandler extends ChannelDuplexHandler {

    /** nats-server's {@code wsFrameSizeForBrowsers}. */
    static final int BROWSER_FRAME_SIZE = 4096;
    /** RSV1 in a frame's reserved bits, as Netty reports them: permessage-deflate's "compressed". */
    private static final int COMPRESSED_BIT = 0x4;

    private final Supplier<CloseReason> closeReason;
    private final boolean browserFrames;
    private boolean closeSent;
    private boolean closeReceived;
    /** Whether data went on to the protocol handler in the read under way (reset when the read completes). */
    private boolean dataInThisRead;

    /**
     * @param closeReason   the protocol handler after this one (NATS or MQTT), asked why the connection closes
     * @param browserFrames cut outgoing frames at 4 KiB (an uncompressed browser client)
     */
    WebsocketFrameHandler(Supplier<CloseReason> closeReason, boolean browserFrames) {
        this.closeReason = closeReason;
        this.browserFrames = browserFrames;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof BinaryWebSocketFrame || msg instanceof TextWebSocketFrame
                || msg instanceof ContinuationWebSocketFrame) {
            WebSocketFrame frame = (WebSocketFrame) msg;
            if (closeReceived) {
                frame.release();
            } else if ((frame.rsv() & COMPRESSED_BIT) != 0) {
                // Still marked compressed past the deflate decoder: compression was not negotiated. nats-server
                // tries to inflate such a frame and closes the connection on the error.
                frame.release();
                ctx.fireExceptionCaught(readError("compressed frame without negotiated compression"));
            } else {
                dataInThisRead |= frame.content().isReadable();
                ctx.fireChannelRead(frame.content());
            }
        } else if (msg instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
        } else if (msg instanceof PongWebSocketFrame pong) {
            pong.release();
        } else if (msg instanceof CloseWebSocketFrame close) {
            closeReceived = true;
            answerClose(ctx, close);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    /** Echoes the client's status and reason (1005 when it gave none), then closes as the client asked. */
    private void answerClose(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        int status = CloseFrames.NO_STATUS_RECEIVED;
        String body = "";
        ByteBuf payload = close.content();
        if (payload.readableBytes() >= 2) {
            status = payload.getUnsignedShort(payload.readerIndex());
            ByteBuffer text = payload.nioBuffer(payload.readerIndex() + 2, payload.readableBytes() - 2);
            try {
                body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(text).toString();
            } catch (CharacterCodingException e) {
                status = CloseFrames.INVALID_PAYLOAD_DATA;
                body = "invalid utf8 body in close frame";
            }
        }
        close.release();
        if (!closeSent) {
            closeSent = true;
            ctx.writeAndFlush(CloseFrames.frame(ctx.alloc(), status, body));
        }
        ctx.close();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        dataInThisRead = false;
        ctx.fireChannelReadComplete();
    }

    /**
     * The error that closes the connection for a frame it cannot take. nats-server logs it only when nothing of the
     * same read came before it: after data of that read it processes the data and closes in silence.
     */
    private IOException readError(String message) {
        return dataInThisRead ? new IOException("websocket: " + message) : new ClientReadError(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf bytes) || !bytes.isReadable()) {
            ctx.write(msg, promise);
            return;
        }
        if (browserFrames) {
            while (bytes.readableBytes() > BROWSER_FRAME_SIZE) {
                ctx.write(new BinaryWebSocketFrame(bytes.readRetainedSlice(BROWSER_FRAME_SIZE)));
            }
        }
        ctx.write(new BinaryWebSocketFrame(bytes), promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!closeSent && ctx.channel().isActive()) {
            closeSent = true;
            CloseReason reason = closeReason.get();
            // As nats-server, a close that gives up on the client's pending data (slow consumers) sends nothing more.
            if (reason != null && !reason.dropsPendingData()) {
                ctx.writeAndFlush(CloseFrames.closing(ctx.alloc(), reason));
            }
        }
        ctx.close(promise);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // nats-server answers a frame breaking the protocol with a 1002 close frame in its words and closes the
            // connection (its close races the frame out: a client sees the frame or only the end).
            String text = String.valueOf(corrupted.getMessage());
            if (!closeSent && ctx.channel().isActive()) {
                closeSent = true;
                ctx.writeAndFlush(CloseFrames.frame(ctx.alloc(), CloseFrames.PROTOCOL_ERROR, text));
            }
            ctx.fireExceptionCaught(readError(text));
        } else if (cause instanceof DecompressionException || cause.getCause() instanceof DecompressionException) {
            // nats-server closes a connection whose message does not inflate as a read error, and logs it.
            ctx.fireExceptionCaught(readError(String.valueOf(cause.getMessage())));
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }
}
