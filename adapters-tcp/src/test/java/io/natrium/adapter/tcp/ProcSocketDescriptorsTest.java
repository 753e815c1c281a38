package io.natrium.adapter.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/**
 * The descriptors of the JDK's sockets found through {@code /proc}, without the JDK's channel package opened (as the
 * tests run): the very sockets, as the native transport sees them once it takes them over.
 */
class ProcSocketDescriptorsTest {

    @Test
    void findsTheListeningSocketAndBothEndsOfAConnection() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux only");
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress bound = (InetSocketAddress) listening.getLocalAddress();
            OptionalInt listener = JdkDescriptors.of(listening);
            try (SocketChannel client = SocketChannel.open(bound); SocketChannel accepted = listening.accept()) {
                OptionalInt serverEnd = JdkDescriptors.of(accepted);
                OptionalInt clientEnd = JdkDescriptors.of(client);

                assertThat(List.of(listener, serverEnd, clientEnd)).allMatch(OptionalInt::isPresent);
                assertThat(List.of(listener.getAsInt(), serverEnd.getAsInt(), clientEnd.getAsInt()))
                        .doesNotHaveDuplicates()
                        .allMatch(descriptor -> isSocket(descriptor));
                if (Epoll.isAvailable()) {
                    assertThat(new EpollServerSocketChannel(listener.getAsInt()).localAddress()).isEqualTo(bound);
                    assertThat(new EpollSocketChannel(serverEnd.getAsInt()).remoteAddress())
                            .isEqualTo(client.getLocalAddress());
                }
            }
            listening.close();
            assertThat(ProcSocketDescriptors.listening(bound)).as("closed").isEmpty();
        }
    }

    @Test
    void readsTheKernelsRowsByStateAndPorts() {
        List<String> rows = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1111 1",
                "   1: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 2222 1",
                "   2: 0100007F:1F90 0100007F:D432 01 00000000:00000000 00:00000000 00000000     0        0 3333 1");

        assertThat(ProcSocketDescriptors.inodes(rows, ProcSocketDescriptors.LISTEN, 8080, 0)).containsExactly("1111");
        assertThat(ProcSocketDescriptors.inodes(rows, ProcSocketDescriptors.ESTABLISHED, 8080, 0xD432))
                .containsExactly("3333");
        assertThat(ProcSocketDescriptors.inodes(rows, ProcSocketDescriptors.ESTABLISHED, 8081, 0xD432)).isEmpty();
    }

    private static boolean isSocket(int descriptor) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(descriptor))).toString()
                    .startsWith("socket:[");
        } catch (IOException e) {
            return false;
        }
    }
}
