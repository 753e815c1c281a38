package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

class WebsocketFramingTest {

    private static final byte[] NATS = ("INFO {\"server_id\":\"X\"}\r\n" + "MSG a 1 2\r\nhi\r\n".repeat(300) + "PONG\r\n")
            .getBytes(US_ASCII);

    @Test
    void headersUseTheShortestLengthFormMaskedWithZeros() {
        assertThat(header(5)).containsExactly(0x82, 0x85, 0, 0, 0, 0);
        assertThat(header(300)).containsExactly(0x82, 0xfe, 0x01, 0x2c, 0, 0, 0, 0);
        assertThat(header(70_000)).containsExactly(0x82, 0xff, 0, 0, 0, 0, 0, 0x01, 0x11, 0x70, 0, 0, 0, 0);
    }

    @Test
    void framesTakenApartWhereverTheReadsSplitThem() throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        int at = 0;
        int[] sizes = {1, 125, 126, 4000, 70_000};
        for (int i = 0; at < NATS.length; i++) {
            int length = Math.min(sizes[i % sizes.length], NATS.length - at);
            frames.write(serverFrame(0x80 | 0x2, Arrays.copyOfRange(NATS, at, at + length)));
            frames.write(serverFrame(0x80 | 0x9, new byte[0]));  // a ping between frames: not NATS bytes
            at += length;
        }
        assertAllWays(frames.toByteArray(), false);
    }

    @Test
    void aDeflatedMessageCutIntoFramesIsInflated() throws IOException {
        byte[] deflated = deflate(NATS);
        int half = deflated.length / 2;
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.write(serverFrame(0x40 | 0x2, Arrays.copyOfRange(deflated, 0, half)));  // RSV1, not final
        frames.write(serverFrame(0x80, Arrays.copyOfRange(deflated, half, deflated.length)));  // continuation
        frames.write(serverFrame(0x80 | 0x2, "PING\r\n".getBytes(US_ASCII)));  // the next message, not deflated
        FrameScanner scanner = assertAllWays(frames.toByteArray(), true);
        assertThat(scanner.pings()).isEqualTo(1);
    }

    @Test
    void aMaskedOrClosingServerFrameFailsTheConnection() {
        WebsocketFraming masked = framing(false);
        masked.feed(new byte[] {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 5}, 0, 7, new FrameScanner());
        assertThat(masked.failure()).contains("masked");

        WebsocketFraming closed = framing(false);
        byte[] close = serverFrame(0x88, new byte[] {3, (byte) 0xe8});
        closed.feed(close, 0, close.length, new FrameScanner());
        assertThat(closed.failure()).contains("close frame");

        WebsocketFraming plain = framing(false);
        byte[] deflated = serverFrame(0xc2, deflate(NATS));
        plain.feed(deflated, 0, deflated.length, new FrameScanner());
        assertThat(plain.failure()).contains("not negotiated");
    }

    @Test
    void theUpgradeKeepsWhatTheServerSentAfterItsResponse() throws Exception {
        byte[] early = serverFrame(0x82, "INFO {}\r\n".getBytes(US_ASCII));
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n\r\n";
        WebsocketFraming framing = upgradeAgainst(response, early, true);
        assertThat(framing.takeLeftover()).isEqualTo(early);
        assertThat(framing.takeLeftover()).isEmpty();
    }

    @Test
    void anUpgradeRefusedOrWithoutTheAskedCompressionFails() {
        assertThatThrownBy(() -> upgradeAgainst("HTTP/1.1 403 Forbidden\r\n\r\n", new byte[0], false))
                .hasMessageContaining("403 Forbidden");
        assertThatThrownBy(() -> upgradeAgainst("HTTP/1.1 101 Switching Protocols\r\n\r\n", new byte[0], true))
                .hasMessageContaining("permessage-deflate");
    }

    /** Feeds {@code frames} whole, byte by byte and in random splits; each time the scanner sees all of NATS. */
    private static FrameScanner assertAllWays(byte[] frames, boolean deflate) {
        FrameScanner last = null;
        SplittableRandom random = new SplittableRandom(frames.length);
        for (int way = 0; way < 12; way++) {
            WebsocketFraming framing = framing(deflate);
            FrameScanner scanner = new FrameScanner();
            int at = 0;
            while (at < frames.length) {
                int length = way == 0 ? frames.length : way == 1 ? 1 : 1 + random.nextInt(5000);
                length = Math.min(length, frames.length - at);
                framing.feed(frames, at, length, scanner);
                at += length;
            }
            assertThat(framing.failure()).isNull();
            assertThat(scanner.failure()).isNull();
            assertThat(scanner.infos()).isEqualTo(1);
            assertThat(scanner.messages()).isEqualTo(300);
            assertThat(scanner.pongs()).isEqualTo(1);
            assertThat(scanner.bytes()).isGreaterThanOrEqualTo(NATS.length);
            last = scanner;
        }
        return last;
    }

    private static WebsocketFraming framing(boolean deflate) {
        String extension = deflate ? "Sec-WebSocket-Extensions: permessage-deflate\r\n" : "";
        try {
            return upgradeAgainst("HTTP/1.1 101 Switching Protocols\r\n" + extension + "\r\n", new byte[0], deflate);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Upgrades against a one-shot server in the test that answers {@code response} and then {@code early}. */
    private static WebsocketFraming upgradeAgainst(String response, byte[] early, boolean deflate) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> answer(server, response, early));
            try (SocketChannel channel = SocketChannel.open(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()))) {
                channel.socket().setSoTimeout(10_000);
                WebsocketFraming framing = WebsocketFraming.upgrade(channel, "127.0.0.1", server.getLocalPort(),
                        deflate);
                assertThat(request.get()).startsWith("GET / HTTP/1.1\r\n").contains("Sec-WebSocket-Version: 13\r\n");
                assertThat(request.get().contains("permessage-deflate")).isEqualTo(deflate);
                return framing;
            }
        }
    }

    private static String answer(ServerSocket server, String response, byte[] early) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            StringBuilder request = new StringBuilder();
            while (!request.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                request.append((char) next);
            }
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            reply.write(response.getBytes(US_ASCII));
            reply.write(early);
            out.write(reply.toByteArray());  // one write, so the early frame may come with the response
            out.flush();
            return request.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] header(int length) {
        ByteBuffer buffer = ByteBuffer.allocate(WebsocketFraming.MAX_HEADER);
        WebsocketFraming.header(buffer, length);
        int[] bytes = new int[buffer.position()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = buffer.get(i) & 0xff;
        }
        return bytes;
    }

    /** An unmasked frame as a server sends it, {@code first} being its first byte (FIN, RSV1, opcode). */
    private static byte[] serverFrame(int first, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 10);
        frame.put((byte) first);
        if (payload.length < 126) {
            frame.put((byte) payload.length);
        } else if (payload.length <= 0xffff) {
            frame.put((byte) 126).putShort((short) payload.length);
        } else {
            frame.put((byte) 127).putLong(payload.length);
        }
        frame.put(payload);
        return Arrays.copyOf(frame.array(), frame.position());
    }

    /** Raw deflate with a sync flush and its four-byte tail cut, as permessage-deflate sends a message. */
    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(input);
        byte[] out = new byte[input.length + 64];
        int length = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(out, length - 4);
    }
}
