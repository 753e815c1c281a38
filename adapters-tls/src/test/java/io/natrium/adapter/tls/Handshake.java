package io.natrium.adapter.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/** A server handler and a client handler in two embedded channels, with the bytes carried between them. */
final class Handshake {

    private final EmbeddedChannel server;
    private final EmbeddedChannel client;
    private SslHandshakeCompletionEvent serverOutcome;
    private SslHandshakeCompletionEvent clientOutcome;

    Handshake(SslHandler serverHandler, SslHandler clientHandler) {
        server = new EmbeddedChannel(serverHandler, new Outcome(true));
        client = new EmbeddedChannel(clientHandler, new Outcome(false));
    }

    /** Carries bytes both ways until both sides are done or nothing moves. */
    Handshake run() {
        for (int round = 0; round < 50; round++) {
            boolean moved = carry(client, server) | carry(server, client);
            if (!moved && serverOutcome != null && clientOutcome != null) {
                break;
            }
            if (!moved && round > 5) {
                break;
            }
        }
        return this;
    }

    SslHandshakeCompletionEvent server() {
        return serverOutcome;
    }

    SslHandshakeCompletionEvent client() {
        return clientOutcome;
    }

    SSLSession serverSession() {
        return serverHandler().engine().getSession();
    }

    SslHandler serverHandler() {
        return server.pipeline().get(SslHandler.class);
    }

    /** The client's engine, to read what the server sent (a staple). */
    SSLEngine clientEngine() {
        return client.pipeline().get(SslHandler.class).engine();
    }

    void close() {
        server.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }

    private static boolean carry(EmbeddedChannel from, EmbeddedChannel to) {
        boolean moved = false;
        for (Object out = from.readOutbound(); out != null; out = from.readOutbound()) {
            moved = true;
            if (to.isOpen()) {
                to.writeInbound(out);
            } else {
                ((ByteBuf) out).release();
            }
        }
        from.runPendingTasks();
        to.runPendingTasks();
        return moved;
    }

    private final class Outcome extends ChannelInboundHandlerAdapter {
        private final boolean serverSide;

        Outcome(boolean serverSide) {
            this.serverSide = serverSide;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent completion) {
                if (serverSide) {
                    serverOutcome = completion;
                } else {
                    clientOutcome = completion;
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
