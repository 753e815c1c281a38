package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection of an {@link IoLoop}: a non-blocking socket whose input goes through a {@link FrameScanner}
 * and whose output is either small control commands (CONNECT, SUB, PING, PONG, replies) or a {@link PublishStream}
 * written batch by batch. Control bytes are written only between batches, so they never split a frame; a PING that
 * must follow published messages is sent once publishing has finished ({@link #ping()} refuses otherwise). Server
 * PINGs are answered as they are scanned. Used by the loop's thread only.
 */
final class Connection {

    static final byte[] CONNECT = "CONNECT {\"verbose\":false,\"pedantic\":false}\r\n".getBytes(US_ASCII);
    private static final byte[] PING = "PING\r\n".getBytes(US_ASCII);
    private static final byte[] PONG = "PONG\r\n".getBytes(US_ASCII);
    private static final int READ_BUFFER = 256 * 1024;

    private final String name;
    private final SocketChannel channel;
    private final FrameScanner scanner;
    /** The WebSocket layer, or {@code null} on a plain NATS connection. */
    private final WebsocketFraming websocket;
    /** The frame header in front of {@link #batch} over WebSocket, written with it by one gathering write. */
    private final ByteBuffer batchHeader = ByteBuffer.allocateDirect(WebsocketFraming.MAX_HEADER);
    private final ByteBuffer[] framedBatch = {batchHeader, null};
    private final byte[] input = new byte[READ_BUFFER];
    private final ByteBuffer inputBuffer = ByteBuffer.wrap(input);
    /** Control bytes waiting to be written, in write mode (position = end of the data). */
    private ByteBuffer control = ByteBuffer.allocateDirect(4096);
    private PublishStream.Cursor publishing;
    /** The batch being written, if a write left part of it: finished before any control bytes. */
    private ByteBuffer batch;
    private SelectionKey key;
    private long pongsSent;
    private long written;
    private String failure;

    Connection(String name, SocketChannel channel, FrameScanner scanner) {
        this(name, channel, scanner, null);
    }

    Connection(String name, SocketChannel channel, FrameScanner scanner, WebsocketFraming websocket) {
        this.name = name;
        this.channel = channel;
        this.scanner = scanner;
        this.websocket = websocket;
        batchHeader.limit(0);
        if (websocket != null) {
            byte[] early = websocket.takeLeftover();
            scan(early, 0, early.length);
        }
    }

    void register(SelectionKey key) {
        this.key = key;
    }

    String name() {
        return name;
    }

    SocketChannel channel() {
        return channel;
    }

    FrameScanner scanner() {
        return scanner;
    }

    /** What went wrong on this connection (its I/O or what its scanner saw), or {@code null}. */
    String failure() {
        if (failure != null) {
            return failure;
        }
        return websocket != null && websocket.failure() != null ? websocket.failure() : scanner.failure();
    }

    /** Bytes read plus bytes written: progress. */
    long traffic() {
        return scanner.bytes() + written;
    }

    /** Queues {@code bytes} and writes what the socket takes. */
    void send(byte[] bytes) {
        send(bytes, 0, bytes.length);
    }

    void send(byte[] bytes, int offset, int length) {
        append(bytes, offset, length);
        flush();
    }

    private void append(byte[] bytes, int offset, int length) {
        int needed = length + (websocket != null ? WebsocketFraming.MAX_HEADER : 0);
        if (control.remaining() < needed) {
            ByteBuffer larger =
                    ByteBuffer.allocateDirect(Math.max(control.capacity() * 2, control.position() + needed));
            control.flip();
            larger.put(control);
            control = larger;
        }
        if (websocket != null) {
            WebsocketFraming.header(control, length);
        }
        control.put(bytes, offset, length);
    }

    /** Starts writing {@code count} messages of {@code stream}; they go out as the socket takes them. */
    void publish(PublishStream stream, long count) {
        if (publishing != null) {
            throw new IllegalStateException(name + " is already publishing");
        }
        publishing = stream.cursor(count);
        flush();
    }

    /** Whether published messages are still waiting to be written. */
    boolean publishing() {
        return publishing != null;
    }

    /** Sends PING; not while publishing, because it would overtake messages not yet written. */
    void ping() {
        if (publishing != null) {
            throw new IllegalStateException(name + " is still publishing");
        }
        send(PING);
    }

    /** Writes what the socket takes: the rest of the current batch, control bytes, further batches. */
    void flush() {
        try {
            while (true) {
                if (batch != null && !write(batch)) {
                    return;
                }
                batch = null;
                if (control.position() > 0) {
                    control.flip();
                    boolean all = write(control);
                    control.compact();
                    if (!all) {
                        return;
                    }
                }
                if (publishing == null) {
                    break;
                }
                ByteBuffer next = publishing.batch();
                if (!next.hasRemaining()) {
                    publishing = null;
                    break;
                }
                batch = next;
                if (websocket != null) {
                    batchHeader.clear();
                    WebsocketFraming.header(batchHeader, next.remaining());
                    batchHeader.flip();
                }
            }
            interest(SelectionKey.OP_READ);
        } catch (IOException e) {
            fail("write failed: " + e);
        }
    }

    /** Writes until the buffer (and a batch's frame header) is empty or the socket is full; true when empty. */
    private boolean write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            long count;
            if (buffer == batch && batchHeader.hasRemaining()) {
                framedBatch[1] = buffer;
                count = channel.write(framedBatch);
            } else {
                count = channel.write(buffer);
            }
            if (count == 0) {
                interest(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return false;
            }
            written += count;
        }
        return true;
    }

    private void interest(int ops) {
        if (key != null && key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Reads once and scans what arrived; answers server PINGs. */
    void read() {
        try {
            int count = channel.read(inputBuffer);
            if (count < 0) {
                fail("the server closed the connection");
                key.cancel();
                return;
            }
            scan(input, 0, count);
            inputBuffer.clear();
        } catch (IOException e) {
            fail("read failed: " + e);
            key.cancel();
            return;
        }
        while (pongsSent < scanner.pings()) {
            pongsSent++;
            append(PONG, 0, PONG.length);
        }
        if (control.position() > 0) {
            flush();
        }
    }

    private void scan(byte[] bytes, int offset, int length) {
        if (websocket != null) {
            websocket.feed(bytes, offset, length, scanner);
        } else {
            scanner.feed(bytes, offset, length);
        }
    }

    private void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
