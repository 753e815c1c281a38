package io.natrium.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every accepted client socket has Nagle off, keep-alive on and the listener's water marks, on both transports. */
class ClientSocketOptionsTest {

    private static final long WAIT_SECONDS = 20;

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anAcceptedSocketHasNoDelayKeepAliveAndTheWaterMarks(Transport transport) throws Exception {
        assumeTrue(transport != Transport.EPOLL || Transport.best() == Transport.EPOLL, "epoll is available here");
        BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
        try {
            Channel listener = ClientSocketOptions.apply(new ServerBootstrap()).group(loops)
                    .channel(transport.serverChannelClass())
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            accepted.add(channel);
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            InetSocketAddress address = (InetSocketAddress) listener.localAddress();
            try (Socket client = new Socket(address.getAddress(), address.getPort())) {
                Channel channel = accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(channel).as("accepted within %d s", WAIT_SECONDS).isNotNull();

                assertThat(channel.config().getOption(ChannelOption.TCP_NODELAY)).as("TCP_NODELAY").isTrue();
                assertThat(channel.config().getOption(ChannelOption.SO_KEEPALIVE)).as("SO_KEEPALIVE").isTrue();
                assertThat(channel.config().getWriteBufferWaterMark()).isSameAs(ClientSocketOptions.WATER_MARK);
            } finally {
                listener.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
