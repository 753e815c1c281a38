package io.natrium.adapter.websocket;

import io.natrium.adapter.protocol.CarriedProtocol;
import io.natrium.adapter.protocol.ClientConnectionHandler;
import io.natrium.adapter.protocol.ClientOrigin;
import io.natrium.application.port.CloseReason;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the HTTP upgrade request through nats-server's checks, in its order, answering a refused one as it does
 * (status and {@code Sec-Websocket-Version}, the connection kept for another request as Go's HTTP server keeps it).
 * An accepted one gets nats-server's {@code 101}, and the pipeline becomes: the {@link StreamingFrameDecoder} (masked
 * client frames unless the client asked for {@code Nats-No-Masking}) and Netty's RFC 6455 frame encoder,
 * permessage-deflate when negotiated, the
 * {@link WebsocketFrameHandler} and the shared protocol handler, which then opens the client's session. A request
 * for a path starting with {@code /mqtt} carries MQTT instead, as nats-server's {@code wsUpgrade} decides, when the
 * server has an MQTT listener: the answer names the {@code mqtt} subprotocol and the MQTT listener's handlers take
 * the frames' bytes.
 */
final class WebsocketUpgradeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(WebsocketUpgradeHandler.class);
    /** nats-server's {@code mqttWSPath}. */
    private static final String MQTT_PATH = "/mqtt";

    private final WebsocketConnections connections;
    private ScheduledFuture<?> handshakeTimer;

    WebsocketUpgradeHandler(WebsocketConnections connections) {
        this.connections = connections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        long timeout = connections.settings().handshakeTimeout().toNanos();
        if (timeout > 0) {
            // Go's http.Server ReadTimeout, which nats-server sets to the handshake timeout.
            handshakeTimer = ctx.executor().schedule(() -> {
                ctx.close();
            }, timeout, TimeUnit.NANOSECONDS);
        }
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            unreadable(ctx, null);
            return;
        }
        HttpHeaders headers = request.headers();
        String host = headers.get("Host");
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_1) && host == null) {
            unreadable(ctx, "missing required Host header");
            return;
        }
        String refusal = refusal(ctx, request, host);
        if (refusal != null) {
            return;
        }
        upgrade(ctx, request);
    }

    /** Answers as Go's HTTP server answers what it cannot take, below the HTTP encoder, and closes. */
    private static void unreadable(ChannelHandlerContext ctx, String detail) {
        ctx.pipeline().context(WebsocketChannelInitializer.HTTP)
                .writeAndFlush(HandshakeResponses.unreadable(ctx.alloc(), detail))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** nats-server's checks; answers and returns why when one fails, else null. */
    private String refusal(ChannelHandlerContext ctx, FullHttpRequest request, String host) {
        HttpHeaders headers = request.headers();
        if (!HttpMethod.GET.equals(request.method())) {
            return refuse(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "request method must be GET");
        }
        if (host == null || host.isEmpty()) {
            return refuse(ctx, request, HttpResponseStatus.BAD_REQUEST, "'Host' missing in request");
        }
        if (!UpgradeRequest.headerContains(headers, "Upgrade", "websocket")) {
            return refuse(ctx, request, HttpResponseStatus.BAD_REQUEST, "invalid value for header 'Upgrade'");
        }
        if (!UpgradeRequest.headerContains(headers, "Connection", "Upgrade")) {
            return refuse(ctx, request, HttpResponseStatus.BAD_REQUEST, "invalid value for header 'Connection'");
        }
        String key = headers.get("Sec-WebSocket-Key");
        if (key == null || key.isEmpty()) {
            return refuse(ctx, request, HttpResponseStatus.BAD_REQUEST, "key missing");
        }
        if (!UpgradeRequest.headerContains(headers, "Sec-WebSocket-Version", "13")) {
            return refuse(ctx, request, HttpResponseStatus.BAD_REQUEST, "invalid version");
        }
        String origin = headers.get("Origin");
        if (origin == null || origin.isEmpty()) {
            origin = headers.get("Sec-WebSocket-Origin");
        }
        boolean secure = ctx.pipeline().get(SslHandler.class) != null;
        String originRefusal = connections.origins().refusal(origin, host, secure);
        if (originRefusal != null) {
            return refuse(ctx, request, HttpResponseStatus.FORBIDDEN, "origin not allowed: " + originRefusal);
        }
        return null;
    }

    private String refuse(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String reason) {
        LOG.error("{} - websocket handshake error: {}", remote(ctx), reason);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        var written = ctx.writeAndFlush(HandshakeResponses.refusal(ctx.alloc(), request.protocolVersion(), status));
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        return reason;
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        HttpHeaders headers = request.headers();
        boolean compress = connections.settings().compression() && UpgradeRequest.offersDeflate(headers);
        boolean noMasking = "true".equals(headers.get("Nats-No-Masking"));
        boolean browser = UpgradeRequest.fromBrowser(headers);
        ClientCredentials cookies = UpgradeRequest.cookies(headers, connections.settings().cookies());
        String forwardedFor = UpgradeRequest.forwardedFor(headers);

        CarriedProtocol mqtt = carriesMqtt(request) ? connections.mqtt() : null;
        ctx.writeAndFlush(HandshakeResponses.switching(headers.get("Sec-WebSocket-Key"), compress, noMasking,
                mqtt == null ? connections.settings().headers() : withMqttProtocol(connections.settings().headers())));

        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.remove(WebsocketChannelInitializer.AGGREGATOR);
        pipeline.addAfter(WebsocketChannelInitializer.HTTP, "ws-encoder", new WebSocket13FrameEncoder(false));
        pipeline.addAfter("ws-encoder", "ws-decoder", new StreamingFrameDecoder(!noMasking));
        String last = "ws-decoder";
        if (compress) {
            WebSocketServerExtension deflate = DeflateExtension.negotiated();
            pipeline.addAfter(last, "deflate-encoder", deflate.newExtensionEncoder());
            pipeline.addAfter("deflate-encoder", "deflate-decoder", new BoundedInflateDecoder());
            last = "deflate-decoder";
            if (UpgradeRequest.takesCompressedFragments(headers)) {
                pipeline.addAfter("ws-encoder", "browser-fragments", new CompressedFragmentEncoder());
            }
        }
        if (mqtt == null) {
            ClientConnectionHandler nats = connections.protocolHandler(
                    new ClientOrigin(ConnectionType.WEBSOCKET, cookies, forwardedFor));
            pipeline.addAfter(last, "frames", new WebsocketFrameHandler(nats::closeReason, browser && !compress));
            pipeline.addAfter("frames", "nats", nats);
        } else {
            // nats-server takes no cookies from an MQTT client's upgrade: MQTT's CONNECT carries the credentials.
            Supplier<CloseReason> closeReason = mqtt.install(pipeline, last, forwardedFor);
            pipeline.addAfter(last, "frames", new WebsocketFrameHandler(closeReason, browser && !compress));
        }
        pipeline.remove(this);
        // What the session writes from now on are frames: the HTTP encoder goes before the session is opened.
        pipeline.get(HttpServerCodec.class).removeOutboundHandler();
        // The protocol handler opens the session when it sees the channel active, as on a fresh TCP connection.
        pipeline.context("frames").fireChannelActive();
        WssHandshake.report(pipeline.context("frames"));
        // Last: what the client sent after the request goes from the HTTP decoder to the frame decoder.
        pipeline.remove(WebsocketChannelInitializer.HTTP);
    }

    /** nats-server's test: the escaped path starts with {@code /mqtt} (so {@code /mqtt/x} and {@code /mqttx} too). */
    private boolean carriesMqtt(FullHttpRequest request) {
        if (connections.mqtt() == null) {
            return false;
        }
        String uri = request.uri();
        int start = uri.indexOf("://");
        String path = start < 0 ? uri : uri.substring(Math.max(start + 3, uri.indexOf('/', start + 3)));
        return path.startsWith(MQTT_PATH);
    }

    private static Map<String, String> withMqttProtocol(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Sec-Websocket-Protocol", "mqtt");
        all.putAll(headers);
        return all;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{} - websocket handshake error: {}", remote(ctx), cause.getMessage());
        ctx.close();
    }

    /** Go's {@code RemoteAddr}: {@code host:port}, an IPv6 host in brackets. */
    private static String remote(ChannelHandlerContext ctx) {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress inet) {
            String host = inet.getHostString();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(ctx.channel().remoteAddress());
    }
}
