package io.natrium.adapter.tcp;

import java.lang.reflect.Method;
import java.nio.channels.Channel;
import java.util.OptionalInt;

/**
 * The file descriptor of a socket the JDK opened, for the native transport to take over; the JDK shows it only to
 * code it opened itself to ({@code Add-Opens: java.base/sun.nio.ch}, in the jar's manifest).
 */
final class JdkDescriptors {

    private JdkDescriptors() {
    }

    /** The descriptor of {@code channel}, or empty when the JDK does not let it be read. */
    static OptionalInt of(Channel channel) {
        try {
            Method method = channel.getClass().getMethod("getFDVal");
            method.setAccessible(true);
            return OptionalInt.of((Integer) method.invoke(channel));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
