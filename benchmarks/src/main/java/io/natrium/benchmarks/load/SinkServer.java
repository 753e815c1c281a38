package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load tool's own server, to measure the tool against something cheaper than a real server: one thread, one
 * selector, no locks, no permissions, no statistics. It greets with INFO, answers PING, keeps SUB and UNSUB (literal
 * subjects, {@code *}, {@code >}, queue groups served in turn), skips {@code HPUB} bodies, and for each PUB copies the
 * {@code MSG} line and the body into each matching subscriber's output buffer, which it writes once per round of the
 * selector. Who gets a subject is {@link SinkInterest}'s. When a subscriber's output passes {@value #PAUSE_AT} bytes the sink stops
 * reading until it has drained. Everything else a real server does is missing on purpose. Its length is its
 * {@link Peer}'s: reading, the allocation-free PUB path and the control operations, kept beside the one selector loop
 * they all run on.
 *
 * <p>Started by {@link LoadTool} ({@code --servers sink}) as its own process, like the servers it stands in for:
 * {@code java -cp benchmarks.jar io.natrium.benchmarks.load.SinkServer -a 127.0.0.1 -p 4222}.
 */
public final class SinkServer {

    private static final int PAUSE_AT = 8 << 20;
    private static final int MAX_CONTROL_LINE = 4096;
    private static final byte[] PONG = "PONG\r\n".getBytes(US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final List<Peer> peers = new ArrayList<>();
    private final SinkInterest interest = new SinkInterest();
    private final byte[] info;
    private Peer[] dirty = new Peer[16];
    private int dirtyCount;
    private boolean paused;

    private SinkServer(String host, int port) throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(host, port), 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        info = ("INFO {\"server_id\":\"SINK\",\"server_name\":\"sink\",\"version\":\"2.9.10\",\"proto\":1,"
                + "\"host\":\"" + host + "\",\"port\":" + port + ",\"headers\":true,\"max_payload\":1048576}\r\n")
                .getBytes(US_ASCII);
    }

    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = 4222;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "-a" -> host = args[i + 1];
                case "-p" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: SinkServer [-a host] [-p port]");
            }
        }
        new SinkServer(host, port).serve();
    }

    /** The command that starts a sink process with this JVM and class path (the server's address is appended). */
    static List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), SinkServer.class.getName());
    }

    private void serve() throws IOException {
        while (true) {
            selector.select(this::ready);
            for (int i = 0; i < dirtyCount; i++) {
                dirty[i].dirty = false;
                dirty[i].flush();
            }
            dirtyCount = 0;
            applyBackPressure();
        }
    }

    private void ready(SelectionKey key) {
        if (key.isAcceptable()) {
            accept();
            return;
        }
        Peer peer = (Peer) key.attachment();
        if (key.isValid() && key.isWritable()) {
            peer.flush();
        }
        if (key.isValid() && key.isReadable() && !paused) {
            peer.read();
        }
    }

    private void accept() {
        try {
            SocketChannel channel = listener.accept();
            if (channel == null) {
                return;
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Peer peer = new Peer(channel);
            peer.key = channel.register(selector, paused ? 0 : SelectionKey.OP_READ, peer);
            peers.add(peer);
            peer.append(info, 0, info.length);
            peer.flush();
        } catch (IOException e) {
            System.err.println("sink: accept failed: " + e);
        }
    }

    /** Stops reading while any output buffer is past the limit; resumes once all are below a quarter of it. */
    private void applyBackPressure() {
        int largest = 0;
        for (Peer peer : peers) {
            largest = Math.max(largest, peer.pending());
        }
        if (!paused && largest > PAUSE_AT) {
            paused = true;
        } else if (paused && largest < PAUSE_AT / 4) {
            paused = false;
        }
        for (Peer peer : peers) {
            peer.interest((paused ? 0 : SelectionKey.OP_READ) | (peer.pending() > 0 ? SelectionKey.OP_WRITE : 0));
        }
    }

    private void markDirty(Peer peer) {
        if (!peer.dirty) {
            peer.dirty = true;
            if (dirtyCount == dirty.length) {
                dirty = Arrays.copyOf(dirty, dirtyCount * 2);
            }
            dirty[dirtyCount++] = peer;
        }
    }

    /** One client connection. */
    final class Peer {

        private final SocketChannel channel;
        private SelectionKey key;
        private byte[] in = new byte[256 * 1024];
        private ByteBuffer inBuffer = ByteBuffer.wrap(in);
        private int inStart;
        private int inEnd;
        private byte[] out = new byte[64 * 1024];
        private ByteBuffer outBuffer = ByteBuffer.wrap(out);
        private int outStart;
        private int outEnd;
        private boolean dirty;
        private boolean closed;
        private final Map<String, SinkInterest.Subscription> subscriptions = new HashMap<>();
        private final int[] tokens = new int[8];

        Peer(SocketChannel channel) {
            this.channel = channel;
        }

        int pending() {
            return outEnd - outStart;
        }

        void interest(int ops) {
            if (key.isValid() && key.interestOps() != ops) {
                key.interestOps(ops);
            }
        }

        void append(byte[] bytes, int offset, int length) {
            if (outEnd + length > out.length) {
                int pending = outEnd - outStart;
                if (pending + length <= out.length / 2) {
                    // compact only when that frees at least half the buffer: moving pending bytes to gain a few
                    // would be repeated on every append
                    System.arraycopy(out, outStart, out, 0, pending);
                } else {
                    byte[] larger = new byte[Math.max(out.length * 2, pending + length)];
                    System.arraycopy(out, outStart, larger, 0, pending);
                    out = larger;
                    outBuffer = ByteBuffer.wrap(out);
                }
                outEnd = pending;
                outStart = 0;
            }
            System.arraycopy(bytes, offset, out, outEnd, length);
            outEnd += length;
        }

        void flush() {
            if (closed || outStart == outEnd) {
                return;
            }
            try {
                outBuffer.limit(outEnd).position(outStart);
                outStart += channel.write(outBuffer);
                if (outStart == outEnd) {
                    outStart = 0;
                    outEnd = 0;
                }
                interest((paused ? 0 : SelectionKey.OP_READ) | (outStart < outEnd ? SelectionKey.OP_WRITE : 0));
            } catch (IOException e) {
                close();
            }
        }

        void read() {
            if (inEnd == in.length) {
                if (inStart > 0) {
                    System.arraycopy(in, inStart, in, 0, inEnd - inStart);
                    inEnd -= inStart;
                    inStart = 0;
                } else {
                    in = Arrays.copyOf(in, in.length * 2);
                    inBuffer = ByteBuffer.wrap(in);
                }
            }
            try {
                inBuffer.limit(in.length).position(inEnd);
                int count = channel.read(inBuffer);
                if (count < 0) {
                    close();
                    return;
                }
                inEnd += count;
            } catch (IOException e) {
                close();
                return;
            }
            parse();
            if (inStart == inEnd) {
                inStart = 0;
                inEnd = 0;
            }
        }

        /** Handles every complete operation in the input. */
        private void parse() {
            while (inStart < inEnd && !closed) {
                int newline = inStart;
                while (newline < inEnd && in[newline] != '\n') {
                    newline++;
                }
                if (newline == inEnd) {
                    if (inEnd - inStart > MAX_CONTROL_LINE && !startsWith("CONNECT", inStart, inEnd)) {
                        error("Maximum Control Line Exceeded");
                    }
                    return;
                }
                int end = newline > inStart && in[newline - 1] == '\r' ? newline - 1 : newline;
                if (startsWith("PUB ", inStart, end)) {
                    if (!publish(inStart + 4, end, newline + 1, false)) {
                        return;
                    }
                } else if (startsWith("HPUB ", inStart, end)) {
                    if (!publish(inStart + 5, end, newline + 1, true)) {
                        return;
                    }
                } else {
                    control(inStart, end);
                    inStart = newline + 1;
                }
            }
        }

        /** A PUB or HPUB whose line ends at {@code end}; false when its body has not fully arrived. */
        private boolean publish(int from, int end, int body, boolean headers) {
            int count = tokenize(from, end);
            int expected = headers ? 3 : 2;
            if (count != expected && count != expected + 1) {
                error("Unknown Protocol Operation");
                return false;
            }
            int sizeAt = 2 * (count - 1);
            int size = 0;
            for (int i = tokens[sizeAt]; i < tokens[sizeAt + 1]; i++) {
                int digit = in[i] - '0';
                if (digit < 0 || digit > 9) {
                    error("Unknown Protocol Operation");
                    return false;
                }
                size = size * 10 + digit;
            }
            int frameEnd = body + size + 2;
            if (frameEnd > inEnd) {
                return false;
            }
            if (in[body + size] != '\r' || in[body + size + 1] != '\n') {
                error("Unknown Protocol Operation");
                return false;
            }
            if (!headers) {
                boolean reply = count == 3;
                deliver(tokens[0], tokens[1], reply ? tokens[2] : 0, reply ? tokens[3] : 0, tokens[sizeAt],
                        tokens[sizeAt + 1], body, size);
            }
            inStart = frameEnd;
            return true;
        }

        private void deliver(int subjectStart, int subjectEnd, int replyStart, int replyEnd, int sizeStart,
                int sizeEnd, int body, int size) {
            SinkInterest.Route route = interest.route(in, subjectStart, subjectEnd);
            for (int i = 0; i < route.targets.length; i++) {
                copy(route.targets[i], route.prefixes[i], replyStart, replyEnd, sizeStart, sizeEnd, body, size);
            }
            for (SinkInterest.Group group : route.groups) {
                int member = group.next;
                group.next = member + 1 == group.targets.length ? 0 : member + 1;
                copy(group.targets[member], group.prefixes[member], replyStart, replyEnd, sizeStart, sizeEnd, body,
                        size);
            }
        }

        /** {@code MSG <subject> <sid> [reply] <size>\r\n<body>\r\n} into {@code target}'s output. */
        private void copy(Peer target, byte[] prefix, int replyStart, int replyEnd, int sizeStart, int sizeEnd,
                int body, int size) {
            target.append(prefix, 0, prefix.length);
            if (replyEnd > replyStart) {
                target.append(in, replyStart, replyEnd - replyStart);
                target.append(prefix, prefix.length - 1, 1);  // the prefix ends in a space
            }
            target.append(in, sizeStart, sizeEnd - sizeStart);
            target.append(CRLF, 0, 2);
            target.append(in, body, size + 2);
            markDirty(target);
        }

        /** Everything but PUB and HPUB: cold. */
        private void control(int start, int end) {
            String line = new String(in, start, end - start, US_ASCII);
            String[] words = Arrays.stream(line.replace('\t', ' ').split(" ")).filter(word -> !word.isEmpty())
                    .toArray(String[]::new);
            if (words.length == 0) {
                error("Unknown Protocol Operation");
                return;
            }
            switch (words[0].toUpperCase()) {
                case "PING" -> {
                    append(PONG, 0, PONG.length);
                    markDirty(this);
                }
                case "PONG", "CONNECT" -> {
                    // nothing to do
                }
                case "SUB" -> {
                    if (words.length != 3 && words.length != 4) {
                        error("Unknown Protocol Operation");
                        return;
                    }
                    String sid = words[words.length - 1];
                    SinkInterest.Subscription subscription = new SinkInterest.Subscription(this, words[1],
                            words.length == 4 ? words[2] : null, sid);
                    interest.subscribe(subscription, subscriptions.put(sid, subscription));
                }
                case "UNSUB" -> {
                    if (words.length >= 2) {
                        interest.unsubscribe(subscriptions.remove(words[1]));
                    }
                }
                default -> error("Unknown Protocol Operation");
            }
        }

        private boolean startsWith(String prefix, int from, int end) {
            if (end - from < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if ((in[from + i] & 0xDF) != (prefix.charAt(i) & 0xDF)) {
                    return false;
                }
            }
            return true;
        }

        /** Splits {@code [from, end)} at spaces and tabs into {@link #tokens}; returns how many (at most 4). */
        private int tokenize(int from, int end) {
            int count = 0;
            int i = from;
            while (i < end) {
                while (i < end && (in[i] == ' ' || in[i] == '\t')) {
                    i++;
                }
                if (i == end) {
                    break;
                }
                if (count == tokens.length / 2) {
                    return count + 1;
                }
                tokens[2 * count] = i;
                while (i < end && in[i] != ' ' && in[i] != '\t') {
                    i++;
                }
                tokens[2 * count + 1] = i;
                count++;
            }
            return count;
        }

        private void error(String message) {
            byte[] error = ("-ERR '" + message + "'\r\n").getBytes(US_ASCII);
            append(error, 0, error.length);
            flush();
            close();
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // gone anyway
            }
            peers.remove(this);
            interest.unsubscribeAll(subscriptions.values());
        }
    }
}
