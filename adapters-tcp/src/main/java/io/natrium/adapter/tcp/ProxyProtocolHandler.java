package io.natrium.adapter.tcp;

import io.natrium.adapter.protocol.HostText;
import io.natrium.application.port.ProxyHeader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first handler of a client connection when {@code proxy_protocol} is on: it holds what the client sends until
 * the PROXY protocol header is read (or the connection turns out to have none), tells the session who the client
 * behind the proxy is, and leaves the pipeline with whatever followed the header, so that TLS and the protocol see
 * the client's own bytes only. As nats-server does, the session greets first (INFO goes out before the header is
 * read), a connection gets 5 s to show whether a header comes and 5 s more to finish it, and a bad header closes it.
 */
final class ProxyProtocolHandler extends ByteToMessageDecoder {

    static final String NAME = "proxy-protocol";
    private static final long WAIT_SECONDS = 5;

    private ScheduledFuture<?> deadline;
    /** The signature's bytes came, or the wait for them ran out: the header's own 5 s run. */
    private boolean headerWait;
    private boolean failed;

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        deadline = ctx.executor().schedule(() -> waitOver(ctx), WAIT_SECONDS, TimeUnit.SECONDS);
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        ProxyHeaderReader.Outcome outcome = ProxyHeaderReader.read(in);
        switch (outcome.kind()) {
            case MORE -> {
                if (!headerWait && in.readableBytes() >= ProxyHeaderReader.SIGNATURE_PREFIX) {
                    restartWait(ctx);
                }
            }
            case NO_HEADER -> done(ctx);
            case HEADER -> {
                in.skipBytes(outcome.length());
                if (outcome.names()) {
                    ctx.fireUserEventTriggered(new ProxyHeader.Proxied(outcome.host(), outcome.port()));
                }
                done(ctx);
            }
            case FAILED -> fail(ctx, in, outcome.error());
            default -> throw new IllegalStateException(outcome.kind().name());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!failed) {
            fail(ctx, internalBuffer(), ProxyHeaderReader.incomplete(internalBuffer(), "EOF", true));
        }
        super.channelInactive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelWait();
    }

    private void waitOver(ChannelHandlerContext ctx) {
        if (failed || !ctx.channel().isActive()) {
            return;
        }
        if (!headerWait) {
            // nats-server's first read gave up with less than the signature: its header read waits 5 s more.
            restartWait(ctx);
            return;
        }
        ByteBuf held = internalBuffer();
        fail(ctx, held, ProxyHeaderReader.incomplete(held, "read tcp " + goAddress(ctx.channel().localAddress())
                + "->" + goAddress(ctx.channel().remoteAddress()) + ": i/o timeout", false));
    }

    private void restartWait(ChannelHandlerContext ctx) {
        headerWait = true;
        cancelWait();
        deadline = ctx.executor().schedule(() -> waitOver(ctx), WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void done(ChannelHandlerContext ctx) {
        cancelWait();
        // What followed the header goes on to the next handler as the pipeline's first read.
        ctx.pipeline().remove(this);
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String error) {
        failed = true;
        cancelWait();
        in.skipBytes(in.readableBytes());
        ctx.fireUserEventTriggered(new ProxyHeader.Malformed(goAddress(ctx.channel().remoteAddress()), error));
    }

    private void cancelWait() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /** A socket address as Go prints it: {@code 127.0.0.1:4222}, {@code [::1]:4222}. */
    private static String goAddress(SocketAddress address) {
        if (!(address instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return String.valueOf(address);
        }
        String host = HostText.of(inet.getAddress());
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
    }
}
