package io.natrium.adapter.tcp;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.OptionalInt;

/**
 * The file descriptor of a socket the JDK opened, for the native transport to take over. The JDK shows it only to
 * code its package is opened to ({@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED}); the launcher does not open
 * it, as that costs every start the JDK's archived module graph, so the descriptor is otherwise found through
 * {@code /proc} ({@link ProcSocketDescriptors}).
 */
final class JdkDescriptors {

    private static final String CHANNELS_PACKAGE = "sun.nio.ch";

    private JdkDescriptors() {
    }

    /** The descriptor of {@code channel}, or empty when it cannot be found. */
    static OptionalInt of(Channel channel) {
        if (Object.class.getModule().isOpen(CHANNELS_PACKAGE, JdkDescriptors.class.getModule())) {
            OptionalInt opened = reflectively(channel);
            if (opened.isPresent()) {
                return opened;
            }
        }
        try {
            if (channel instanceof ServerSocketChannel listening) {
                return ProcSocketDescriptors.listening((InetSocketAddress) listening.getLocalAddress());
            }
            if (channel instanceof SocketChannel connected) {
                return ProcSocketDescriptors.connected((InetSocketAddress) connected.getLocalAddress(),
                        (InetSocketAddress) connected.getRemoteAddress());
            }
        } catch (IOException | RuntimeException e) {
            // closed meanwhile: nothing to take over
        }
        return OptionalInt.empty();
    }

    private static OptionalInt reflectively(Channel channel) {
        try {
            Method method = channel.getClass().getMethod("getFDVal");
            method.setAccessible(true);
            return OptionalInt.of((Integer) method.invoke(channel));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
