package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The WebSocket layer of one {@link Connection} (RFC 6455, with permessage-deflate when asked for): the upgrade,
 * frames around what the tool writes, and the server's frames taken apart (and inflated) before the NATS bytes reach
 * the {@link FrameScanner}.
 *
 * <p>What the tool sends goes out as binary frames with the mask bit set and a masking key of zeros, so a pre-encoded
 * batch needs only a frame header in front and no copy; the servers unmask every byte whatever the key is, so their
 * work is the same as with a random key. The tool never compresses what it sends (permessage-deflate lets each message
 * choose), so with compression on only the servers' deliveries are deflated: the cost measured is the server's.
 * Nothing here allocates per message: a header is at most {@value #MAX_HEADER} bytes, written into the caller's
 * buffer, and inflated bytes go through one reused array.
 */
final class WebsocketFraming {

    static final int MAX_HEADER = 14;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int FIN = 0x80;
    private static final int RSV1 = 0x40;
    private static final int MASKED = 0x80;
    /** What a deflated message lacks at its end (RFC 7692 §7.2.2). */
    private static final byte[] DEFLATE_TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
    private static final String UPGRADE_REQUEST = "GET / HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n%s"
            + "\r\n";
    private static final String DEFLATE_OFFER = "Sec-WebSocket-Extensions: permessage-deflate; "
            + "client_no_context_takeover; server_no_context_takeover\r\n";

    private final Inflater inflater;
    private final byte[] inflated = new byte[64 * 1024];
    private final byte[] header = new byte[MAX_HEADER];
    private int headerHave;
    private long payloadLeft;
    private boolean inPayload;
    private boolean finalFrame;
    private boolean control;
    private boolean messageDeflated;
    private String failure;
    private byte[] leftover;

    private WebsocketFraming(boolean deflate, byte[] leftover) {
        this.inflater = deflate ? new Inflater(true) : null;
        this.leftover = leftover;
    }

    /**
     * Upgrades the blocking {@code channel} to WebSocket, offering permessage-deflate when {@code deflate}; fails
     * unless the server answers 101 (and accepts the offer when made).
     */
    static WebsocketFraming upgrade(SocketChannel channel, String host, int port, boolean deflate)
            throws IOException {
        String request = String.format(Locale.ROOT, UPGRADE_REQUEST, host, port, deflate ? DEFLATE_OFFER : "");
        // The socket's streams, not the channel, so that its read timeout bounds a server that never answers.
        OutputStream out = channel.socket().getOutputStream();
        out.write(request.getBytes(US_ASCII));
        out.flush();
        InputStream stream = channel.socket().getInputStream();
        byte[] in = new byte[8192];
        int have = 0;
        int end;
        while ((end = headEnd(in, have)) < 0) {
            int count = have < in.length ? stream.read(in, have, in.length - have) : -1;
            if (count < 0) {
                throw new IOException("no complete WebSocket upgrade response: " + new String(in, 0, have, US_ASCII));
            }
            have += count;
        }
        String head = new String(in, 0, end, US_ASCII);
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("WebSocket upgrade refused: " + head.lines().findFirst().orElse(head));
        }
        if (deflate && !head.toLowerCase(Locale.ROOT).contains("permessage-deflate")) {
            throw new IOException("the server did not accept permessage-deflate (is compression on?): " + head);
        }
        return new WebsocketFraming(deflate, Arrays.copyOfRange(in, end, have));
    }

    /** Where the response head ends (after its blank line), or -1. */
    private static int headEnd(byte[] bytes, int have) {
        for (int i = 3; i < have; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Writes a final, masked binary frame's header for {@code length} payload bytes into {@code into}. */
    static void header(ByteBuffer into, int length) {
        into.put((byte) (FIN | BINARY));
        if (length < 126) {
            into.put((byte) (MASKED | length));
        } else if (length <= 0xffff) {
            into.put((byte) (MASKED | 126)).putShort((short) length);
        } else {
            into.put((byte) (MASKED | 127)).putLong(length);
        }
        into.putInt(0);
    }

    /** What the server sent after the upgrade response, in the same read; handed over once. */
    byte[] takeLeftover() {
        byte[] bytes = leftover;
        leftover = new byte[0];
        return bytes;
    }

    /** What went wrong in the server's frames, or {@code null}. */
    String failure() {
        return failure;
    }

    /** Takes the server's frames apart and passes their NATS bytes, inflated where deflated, to {@code scanner}. */
    void feed(byte[] data, int offset, int length, FrameScanner scanner) {
        int at = offset;
        int end = offset + length;
        while (at < end && failure == null) {
            if (!inPayload) {
                at = gatherHeader(data, at, end);
                if (headerHave < 2 || headerHave < headerLength() || !startFrame()) {
                    continue;
                }
                inPayload = true;
            } else {
                int count = (int) Math.min(payloadLeft, end - at);
                payload(data, at, count, scanner);
                at += count;
                payloadLeft -= count;
            }
            if (payloadLeft == 0) {
                inPayload = false;
                endFrame(scanner);
            }
        }
    }

    /** Takes header bytes from {@code data[at, end)} until the header is whole; returns where it stopped. */
    private int gatherHeader(byte[] data, int at, int end) {
        while (at < end && (headerHave < 2 || headerHave < headerLength())) {
            header[headerHave++] = data[at++];
        }
        return at;
    }

    /** The whole header's length once enough of it is in to tell, else 0. */
    private int headerLength() {
        if (headerHave < 2) {
            return 0;
        }
        int lengthCode = header[1] & 0x7f;
        int masked = (header[1] & MASKED) != 0 ? 4 : 0;
        return 2 + masked + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0);
    }

    /** Reads the complete header; false (with a failure) for what the tool does not accept from a server. */
    private boolean startFrame() {
        int first = header[0] & 0xff;
        int opcode = first & 0x0f;
        if ((header[1] & MASKED) != 0) {
            return fail("the server masked a frame");
        }
        if (opcode == CLOSE) {
            return fail("the server sent a WebSocket close frame");
        }
        int lengthCode = header[1] & 0x7f;
        payloadLeft = lengthCode < 126 ? lengthCode
                : lengthCode == 126 ? ((header[2] & 0xff) << 8) | (header[3] & 0xff)
                : longLength();
        headerHave = 0;
        finalFrame = (first & FIN) != 0;
        control = opcode >= 0x8;
        if (!control && opcode != 0) {
            messageDeflated = (first & RSV1) != 0;
            if (messageDeflated && inflater == null) {
                return fail("a deflated frame although compression was not negotiated");
            }
        }
        return true;
    }

    private long longLength() {
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = length << 8 | (header[i] & 0xff);
        }
        return length;
    }

    private void payload(byte[] data, int at, int count, FrameScanner scanner) {
        if (control) {
            return; // a ping or pong from the server: nothing for the NATS scanner
        }
        if (messageDeflated) {
            inflate(data, at, count, scanner);
        } else {
            scanner.feed(data, at, count);
        }
    }

    private void endFrame(FrameScanner scanner) {
        if (!control && finalFrame && messageDeflated) {
            inflate(DEFLATE_TAIL, 0, DEFLATE_TAIL.length, scanner);
            inflater.reset();
        }
    }

    private void inflate(byte[] data, int at, int count, FrameScanner scanner) {
        inflater.setInput(data, at, count);
        try {
            int produced;
            // A message may end its stream with a final block: what follows it (our tail) is then left unread.
            while ((produced = inflater.inflate(inflated)) > 0 || !(inflater.needsInput() || inflater.finished())) {
                if (produced == 0 && inflater.needsDictionary()) {
                    fail("a deflated message asks for a preset dictionary");
                    return;
                }
                scanner.feed(inflated, 0, produced);
            }
        } catch (DataFormatException e) {
            fail("bad deflate data: " + e.getMessage());
        }
    }

    private boolean fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        return false;
    }
}
