package io.natrium.adapter.tcp;

import io.natrium.application.port.out.ServerInfo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The client port, bound and listening as soon as the command line is read, before the server is wired: a client
 * that connects while the server is still starting is queued by the kernel, as it is by nats-server, instead of
 * being refused, and is answered once the server has started (tools that launch nats-server check that the port
 * takes a connection within a few hundred milliseconds). {@link TcpClientListener#start()} takes the socket over;
 * nothing else reads from it. Bound with the JDK's own channel, which is ready long before Netty is.
 *
 * <p>Best effort: when the address cannot be bound here (in use, no such address) nothing is bound, and the server's
 * own bind reports the error as nats-server does.
 */
public final class EarlyListeningSocket {

    /** nats-server's listen backlog is the kernel's maximum; Netty's listener asks for the same. */
    static final int BACKLOG = 1024;

    private final ServerSocketChannel channel;
    /** Greets clients until the listener takes the socket over; null when no one greets. */
    private EarlyGreeter greeter;

    private EarlyListeningSocket(ServerSocketChannel channel) {
        this.channel = channel;
    }

    /** Binds {@code host:port} (port 0: any free port), or nothing. */
    public static Optional<EarlyListeningSocket> bind(String host, int port) {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            // Whoever takes it over accepts until the queue is empty: a blocking socket would block its event loop.
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(host, port), BACKLOG);
            return Optional.of(new EarlyListeningSocket(channel));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing was bound
                }
            }
            return Optional.empty();
        }
    }

    /** The JDK's channel, which NIO's listener wraps. */
    ServerSocketChannel channel() {
        return channel;
    }

    /** The port bound. */
    public int port() {
        try {
            // Not channel.socket(): its adaptor classes cost a start that greets its first client from here.
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The socket's file descriptor, for the native transport to take over ({@link JdkDescriptors}). */
    OptionalInt fileDescriptor() {
        return JdkDescriptors.of(channel);
    }

    /**
     * Greets each client that connects from now on with {@code template}, its id and address filled in, and holds
     * it for the listener ({@link EarlyGreeter}). Only for a template that is exactly what the wired server will
     * send: the application checks, and tells a client again what differs. The first client's id is
     * {@code idsTaken + 1}, after the ids the server's internal clients will take.
     */
    public void greetWith(ServerInfo template, long idsTaken) {
        if (greeter == null) {
            greeter = EarlyGreeter.start(channel, template, idsTaken);
        }
    }

    /** Stops greeting, and returns the clients greeted and held (none when there was no greeting). */
    List<EarlyGreeter.GreetedClient> stopGreeting() {
        EarlyGreeter running = greeter;
        greeter = null;
        return running == null ? List.of() : running.stop();
    }

    /** Closes the socket: clients waiting in its queue are refused, and those greeted already are closed. */
    public void close() {
        for (EarlyGreeter.GreetedClient client : stopGreeting()) {
            closeQuietly(client.channel());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket does not fail in a way anyone could act on
        }
    }
}
