package io.natrium.adapter.monitor;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.util.Date;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one HTTP request at a time per connection. The query and the JSON run on the monitoring worker, never on
 * this event loop or a client's; the response is written back from there (Netty hands the write to the event loop),
 * and only then is the connection's next request read. When the worker's queue is full the request is answered at
 * once with 503. A failing endpoint is answered with a bare 500; what went wrong goes to the log, not the client.
 */
final class MonitorRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorRequestHandler.class);
    private static final String X_CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

    private final MonitorRoutes routes;
    private final Executor worker;
    /** A request is being answered; only the event loop reads and writes it. */
    private boolean answering;

    MonitorRequestHandler(MonitorRoutes routes, Executor worker) {
        this.routes = routes;
        this.worker = worker;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        ctx.read();
        super.channelActive(ctx);
    }

    /**
     * The flow control passes a read's end on when that read was asked for and brought no whole request: a request
     * split over reads, or TLS handshake records before the first request. Unless a request is being answered (its
     * answer asks for the next read), the request is asked for again.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (!answering) {
            ctx.read();
        }
        super.channelReadComplete(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        answering = true;
        HttpVersion version = request.protocolVersion();
        RequestTarget target = request.decoderResult().isSuccess() ? RequestTarget.parse(request.uri()) : null;
        FullHttpResponse refusal = RequestRefusal.of(request, target);
        if (refusal != null) {
            ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (target.semicolon()) {
            LOG.error("monitoring: " + RequestTarget.SEMICOLON_COMPLAINT);
        }
        MonitorRequest monitorRequest = new MonitorRequest(target.path(), target.parameters());
        boolean head = HttpMethod.HEAD.equals(request.method());
        try {
            worker.execute(() -> answer(ctx, monitorRequest, version, head));
        } catch (RejectedExecutionException busy) {
            LOG.debug("monitoring request {} refused: the worker's queue is full", monitorRequest.path());
            // Answered after this read is handled: answered (and the next read asked for) within it, the
            // connection's next request was never delivered.
            ctx.executor().execute(() -> respond(ctx, MonitorResponse.unavailable(), version, head));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("monitoring connection failed: {}", cause.toString());
        ctx.close();
    }

    private void answer(ChannelHandlerContext ctx, MonitorRequest request, HttpVersion version, boolean head) {
        MonitorResponse response;
        try {
            response = routes.respond(request);
        } catch (RuntimeException e) {
            LOG.error("Error answering monitoring request {}: {}", request.path(), e.toString(), e);
            response = MonitorResponse.serverError();
        }
        respond(ctx, response, version, head);
    }

    /** Writes the answer, then reads the connection's next request. */
    private void respond(ChannelHandlerContext ctx, MonitorResponse response, HttpVersion version, boolean head) {
        ctx.writeAndFlush(toHttp(response, version, head)).addListener(written -> {
            answering = false;
            ctx.read();
        });
    }

    private static FullHttpResponse toHttp(MonitorResponse response, HttpVersion version, boolean head) {
        FullHttpResponse http = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(response.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
        HttpHeaders headers = http.headers();
        switch (response.kind()) {
            case JSON -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            case JAVASCRIPT -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/javascript");
            case CSS -> headers.set(HttpHeaderNames.CONTENT_TYPE, "text/css; charset=utf-8");
            case PROMETHEUS -> headers.set(HttpHeaderNames.CONTENT_TYPE, PrometheusText.CONTENT_TYPE);
            case HTML -> headers.set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
            case TEXT -> headers.set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            case NOT_FOUND -> headers.set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .set(X_CONTENT_TYPE_OPTIONS, "nosniff");
        }
        headers.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        return http;
    }
}
