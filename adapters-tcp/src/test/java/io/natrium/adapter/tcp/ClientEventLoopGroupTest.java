package io.natrium.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where accepted clients go: the accepting loop while it is not busier than the others, else the least busy. */
class ClientEventLoopGroupTest {

    private static final long WAIT_SECONDS = 20;

    private final ClientEventLoopGroup group = new ClientEventLoopGroup(2,
            task -> new Thread(task, "client-loop-test"), NioIoHandler.newFactory());
    private final BlockingQueue<Channel> accepted = new LinkedBlockingQueue<>();
    private Channel listener;
    private InetSocketAddress address;

    @BeforeEach
    void listen() throws InterruptedException {
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        accepted.add(channel);
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        address = (InetSocketAddress) listener.localAddress();
    }

    @AfterEach
    void stop() throws InterruptedException {
        listener.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void clientsThatComeAndGoOneAtATimeStayOnTheLoopThatAcceptedThem() throws Exception {
        EventLoop acceptor = listener.eventLoop();
        List<EventLoop> placed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Channel client;
            try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
                client = takeAccepted();
                placed.add(client.eventLoop());
            }
            assertThat(client.closeFuture().await(WAIT_SECONDS, TimeUnit.SECONDS)).as("server saw the close").isTrue();
        }

        assertThat(placed).as("the loop of each client").containsOnly(acceptor);
    }

    @Test
    void longLivedClientsSpreadOverAllLoops() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        List<Channel> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                sockets.add(new Socket(address.getAddress(), address.getPort()));
                clients.add(takeAccepted());
            }
            int[] perLoop = group.clientsPerLoop();

            assertThat(Arrays.stream(perLoop).sum()).as("clients counted").isEqualTo(40);
            assertThat(Arrays.stream(perLoop).max().orElseThrow() - Arrays.stream(perLoop).min().orElseThrow())
                    .as("clients per loop %s", Arrays.toString(perLoop))
                    .isLessThanOrEqualTo(ClientEventLoopGroup.SLACK + 1);
        } finally {
            for (Socket socket : sockets) {
                closeQuietly(socket);
            }
        }
        for (Channel client : clients) {
            assertThat(client.closeFuture().await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    private Channel takeAccepted() throws InterruptedException {
        Channel client = accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(client).as("a client accepted within %d s", WAIT_SECONDS).isNotNull();
        return client;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The test's own socket: nothing to report.
        }
    }
}
