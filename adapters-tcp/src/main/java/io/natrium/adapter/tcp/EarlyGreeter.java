package io.natrium.adapter.tcp;

import io.natrium.adapter.protocol.HostText;
import io.natrium.adapter.protocol.InfoLine;
import io.natrium.application.port.out.ServerInfo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Greets the clients of the early client port with their INFO while the server is still being wired, and holds
 * them, unread, for the listener: a client (and the tools that launch nats-server, which wait for INFO) is answered
 * within the JVM's own start, not after the second of wiring that follows it. What such a client sends meanwhile
 * waits in its socket until the server reads it. Client ids are handed out after those the server's internal clients
 * will take, as the application would; the application takes them over with the connections
 * ({@link TcpClientListener#start()}).
 *
 * <p>Only the JDK is used here: loading Netty (or anything else) on this thread would compete for the CPU with the
 * wiring, and delay the greetings it exists for.
 */
final class EarlyGreeter implements Runnable {

    private final ServerSocketChannel listening;
    private final ServerInfo template;
    private final Selector selector;
    private final Thread thread;
    /** Guarded by this. */
    private final List<GreetedClient> greeted = new ArrayList<>();
    private volatile boolean stopping;
    private long lastId;

    /** A client greeted and held: its socket, and the INFO it was sent. */
    record GreetedClient(SocketChannel channel, ServerInfo info) {
    }

    private EarlyGreeter(ServerSocketChannel listening, ServerInfo template, long idsTaken, Selector selector) {
        this.lastId = idsTaken;
        this.listening = listening;
        this.template = template;
        this.selector = selector;
        this.thread = new Thread(this, "natrium-early-greeter");
        thread.setDaemon(true);
    }

    /**
     * Starts greeting the clients of {@code listening} (non-blocking) with {@code template}, filled in for each, the
     * first with id {@code idsTaken + 1}; or nothing when the JDK cannot watch the socket, and its clients wait for
     * the listener as without this.
     */
    static EarlyGreeter start(ServerSocketChannel listening, ServerInfo template, long idsTaken) {
        try {
            Selector selector = Selector.open();
            listening.register(selector, SelectionKey.OP_ACCEPT);
            EarlyGreeter greeter = new EarlyGreeter(listening, template, idsTaken, selector);
            greeter.thread.start();
            return greeter;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                selector.select();
                selector.selectedKeys().clear();
                acceptWaitingClients();
            }
        } catch (IOException | RuntimeException e) {
            // The listener accepts whoever is left, as without early greetings.
        }
    }

    /**
     * Stops greeting and returns the clients greeted, held for the listener: after this, nothing but the listener
     * accepts on the socket. The socket is left non-blocking and watched by no one.
     */
    List<GreetedClient> stop() {
        stopping = true;
        selector.wakeup();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            // Closing the selector also takes the socket off it, so that Netty may register it with its own.
            selector.close();
        } catch (IOException ignored) {
            // a selector that fails to close still lets the socket go
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return List.copyOf(greeted);
        }
    }

    private void acceptWaitingClients() throws IOException {
        SocketChannel client;
        while (!stopping && (client = listening.accept()) != null) {
            greet(client);
        }
    }

    private void greet(SocketChannel client) {
        // As nats-server, a client takes its id when accepted, even one gone before its INFO is written.
        long id = ++lastId;
        try {
            InetSocketAddress remote = (InetSocketAddress) client.getRemoteAddress();
            ServerInfo info = template.forClient(id, HostText.of(remote.getAddress()));
            // A fresh socket's send buffer takes an INFO line whole: a blocking write returns at once.
            ByteBuffer line = ByteBuffer.wrap(InfoLine.of(info));
            while (line.hasRemaining()) {
                client.write(line);
            }
            client.configureBlocking(false);
            synchronized (this) {
                greeted.add(new GreetedClient(client, info));
            }
        } catch (IOException | RuntimeException e) {
            // Gone before its greeting.
            try {
                client.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
