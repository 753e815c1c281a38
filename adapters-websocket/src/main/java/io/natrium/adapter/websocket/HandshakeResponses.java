package io.natrium.adapter.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP answers of the upgrade, byte for byte as nats-server's (Go's {@code net/http}) answers: the
 * {@code 101 Switching Protocols} with nats-server's headers in its order, and {@code http.Error}'s refusals.
 */
final class HandshakeResponses {

    /** RFC 6455's GUID, appended to the client's key before hashing. */
    private static final byte[] GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    /** nats-server's answer to a client that offered permessage-deflate when compression is on. */
    static final String DEFLATE_RESPONSE =
            "permessage-deflate; server_no_context_takeover; client_no_context_takeover";

    private HandshakeResponses() {
    }

    /** The {@code 101} answer; {@code extra} are the configured {@code headers}, after nats-server's own. */
    static FullHttpResponse switching(String key, boolean compress, boolean noMasking, Map<String, String> extra) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.SWITCHING_PROTOCOLS, Unpooled.EMPTY_BUFFER);
        response.headers().add("Upgrade", "websocket").add("Connection", "Upgrade")
                .add("Sec-WebSocket-Accept", acceptKey(key));
        if (compress) {
            response.headers().add("Sec-WebSocket-Extensions", DEFLATE_RESPONSE);
        }
        if (noMasking) {
            response.headers().add("Nats-No-Masking", "true");
        }
        extra.forEach((name, value) -> response.headers().add(name, value));
        return response;
    }

    /** Go's {@code http.Error} as nats-server calls it: the status text as the body, {@code Sec-Websocket-Version}. */
    static FullHttpResponse refusal(ByteBufAllocator allocator, HttpVersion version, HttpResponseStatus status) {
        ByteBuf body = allocator.buffer().writeBytes(
                (status.reasonPhrase() + "\n").getBytes(StandardCharsets.US_ASCII));
        FullHttpResponse response = new DefaultFullHttpResponse(version, status, body);
        response.headers().add("Content-Type", "text/plain; charset=utf-8").add("Sec-Websocket-Version", "13")
                .add("X-Content-Type-Options", "nosniff")
                .add("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .add("Content-Length", body.readableBytes());
        return response;
    }

    /**
     * What Go's HTTP server answers to a request it cannot read before any handler sees it, closing the connection:
     * {@code detail} is null for a plain {@code 400 Bad Request}.
     */
    static ByteBuf unreadable(ByteBufAllocator allocator, String detail) {
        String status = detail == null ? "400 Bad Request" : "400 Bad Request: " + detail;
        String text = "HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"
                + status;
        return allocator.buffer().writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 6455's {@code Sec-WebSocket-Accept}: base64 of the SHA-1 of the key and the GUID. */
    static String acceptKey(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(key.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1.digest(GUID));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
