package io.natrium.adapter.monitor;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

/**
 * The requests Go's HTTP server turns away before nats-server's handlers see them, with what it writes: a target
 * {@code url.ParseRequestURI} cannot read, an HTTP/1.1 request without a Host header or with several. Go writes
 * these itself, always as HTTP/1.1, plain text without a length, and closes the connection. Its {@code ServeMux}
 * then refuses the asterisk target, with an empty 400.
 */
final class RequestRefusal {

    private static final String BAD_REQUEST = "Bad Request";

    private RequestRefusal() {
    }

    /** Go's answer to this request, or null when a handler gets it. */
    static FullHttpResponse of(FullHttpRequest request, RequestTarget target) {
        if (!request.decoderResult().isSuccess() || target == null) {
            return refusal(BAD_REQUEST);
        }
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.isEmpty() && request.protocolVersion().equals(HttpVersion.HTTP_1_1)
                && !HttpMethod.CONNECT.equals(request.method())) {
            return refusal(BAD_REQUEST + ": missing required Host header");
        }
        if (hosts.size() > 1) {
            return refusal(BAD_REQUEST);
        }
        if (RequestTarget.ASTERISK.equals(target.path())) {
            FullHttpResponse http = new DefaultFullHttpResponse(request.protocolVersion(),
                    HttpResponseStatus.BAD_REQUEST, Unpooled.EMPTY_BUFFER);
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(HttpHeaderNames.DATE, DateFormatter.format(new Date()))
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            return http;
        }
        return null;
    }

    private static FullHttpResponse refusal(String reason) {
        String text = HttpResponseStatus.BAD_REQUEST.code() + " " + reason;
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                new HttpResponseStatus(HttpResponseStatus.BAD_REQUEST.code(), reason),
                Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return http;
    }
}
