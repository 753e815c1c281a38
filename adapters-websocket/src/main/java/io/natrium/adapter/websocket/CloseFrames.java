package io.natrium.adapter.websocket;

import io.natrium.application.port.CloseReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

import java.nio.charset.StandardCharsets;

/**
 * The close frames nats-server sends: the status for each reason a connection closes, with the reason's text. Bodies over a control frame's 125 bytes are cut and end in {@code ...}.
 */
final class CloseFrames {

    static final int NORMAL_CLOSURE = 1000;
    static final int GOING_AWAY = 1001;
    static final int PROTOCOL_ERROR = 1002;
    static final int NO_STATUS_RECEIVED = 1005;
    static final int ABNORMAL_CLOSURE = 1006;
    static final int INVALID_PAYLOAD_DATA = 1007;
    static final int POLICY_VIOLATION = 1008;
    static final int MESSAGE_TOO_BIG = 1009;
    static final int INTERNAL_SERVER_ERROR = 1011;
    static final int TLS_HANDSHAKE = 1015;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private CloseFrames() {
    }

    /** nats-server's {@code wsEnqueueCloseMessage}: the status it sends when it closes for {@code reason}. */
    static int status(CloseReason reason) {
        return switch (reason) {
            case CLIENT_CLOSED -> NORMAL_CLOSURE;
            case AUTHENTICATION_TIMEOUT, AUTHENTICATION_VIOLATION, SLOW_CONSUMER_PENDING_BYTES,
                    SLOW_CONSUMER_WRITE_DEADLINE, MAX_ACCOUNT_CONNECTIONS_EXCEEDED, MAX_CONNECTIONS_EXCEEDED,
                    MAX_CONTROL_LINE_EXCEEDED, MAX_SUBSCRIPTIONS_EXCEEDED, MISSING_ACCOUNT, AUTHENTICATION_EXPIRED,
                    REVOCATION -> POLICY_VIOLATION;
            case TLS_HANDSHAKE_ERROR -> TLS_HANDSHAKE;
            case PARSE_ERROR, PROTOCOL_VIOLATION, BAD_CLIENT_PROTOCOL_VERSION -> PROTOCOL_ERROR;
            case MAX_PAYLOAD_EXCEEDED -> MESSAGE_TOO_BIG;
            case SERVER_SHUTDOWN -> GOING_AWAY;
            case WRITE_ERROR, READ_ERROR, STALE_CONNECTION -> ABNORMAL_CLOSURE;
            default -> INTERNAL_SERVER_ERROR;
        };
    }

    /** The close frame nats-server sends when it closes the connection for {@code reason}. */
    static CloseWebSocketFrame closing(ByteBufAllocator allocator, CloseReason reason) {
        return frame(allocator, status(reason), reason.text());
    }

    /**
     * A close frame with any status, 1005 included (nats-server echoes a close without status with 1005, which
     * Netty's frame constructor refuses as a status to send).
     */
    static CloseWebSocketFrame frame(ByteBufAllocator allocator, int status, String body) {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_CONTROL_PAYLOAD - 2) {
            byte[] cut = new byte[MAX_CONTROL_PAYLOAD - 2];
            System.arraycopy(text, 0, cut, 0, MAX_CONTROL_PAYLOAD - 5);
            cut[cut.length - 3] = '.';
            cut[cut.length - 2] = '.';
            cut[cut.length - 1] = '.';
            text = cut;
        }
        ByteBuf payload = allocator.buffer(2 + text.length).writeShort(status).writeBytes(text);
        return new CloseWebSocketFrame(true, 0, payload);
    }
}
