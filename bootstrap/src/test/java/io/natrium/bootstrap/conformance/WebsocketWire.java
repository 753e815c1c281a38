package io.natrium.bootstrap.conformance;

import io.natrium.testkit.ServerProcess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One raw WebSocket connection for the differential ITs: sends an upgrade request and frames as bytes, and describes
 * what the server answered as text that holds nothing specific to one server (the {@code Date} header masked, INFO
 * frames named rather than shown), so the descriptions of nats-server and Natrium can be compared whole.
 */
final class WebsocketWire implements AutoCloseable {

    /** RFC 6455's sample key; its accept value is {@code s3pPLMBiTxaQ9kYGzzhZRbK+xOo=}. */
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    private static final Pattern DATE = Pattern.compile("\r\nDate: [^\r\n]*");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length: *(\\d+)");
    private static final Pattern CONNECTION_CLOSE = Pattern.compile("(?i)\r\nConnection: close\r\n");
    /** Mask used on client frames; any works, a fixed one keeps runs alike. */
    private static final byte[] MASK = {0x12, 0x34, 0x56, 0x78};

    private static final Pattern LOGGED_ERROR = Pattern.compile("\\[ERR\\] [^ ]+ - (?:wid:\\d+ - )?(.*)");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private WebsocketWire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static WebsocketWire open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setTcpNoDelay(true);
        return new WebsocketWire(socket);
    }

    /** A GET upgrade request with every header nats-server needs, then {@code extraHeaders} (full lines). */
    static String upgrade(String... extraHeaders) {
        return upgradeTo("/", extraHeaders);
    }

    /** The same upgrade request for another path ({@code /mqtt}). */
    static String upgradeTo(String path, String... extraHeaders) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + KEY
                + "\r\nSec-WebSocket-Version: 13\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /** A frame as a client writes it: {@code first} is FIN, RSV and opcode; masked unless told otherwise. */
    static byte[] frame(int first, boolean masked, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes(header(first, masked, payload.length));
        frame.writeBytes(masked ? masked(payload, 0) : payload);
        return frame.toByteArray();
    }

    /**
     * A frame's header announcing {@code length} payload bytes (in as few bytes as RFC 6455 allows), with the mask
     * key when {@code masked}: the payload, masked by {@link #masked}, may then be sent in as many writes as wanted.
     */
    static byte[] header(int first, boolean masked, long length) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(first);
        int maskBit = masked ? 0x80 : 0;
        if (length < 126) {
            header.write(maskBit | (int) length);
        } else if (length < 65536) {
            header.write(maskBit | 126);
            header.write((int) (length >>> 8));
            header.write((int) (length & 0xff));
        } else {
            header.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.write((int) (length >>> shift) & 0xff);
            }
        }
        if (masked) {
            header.writeBytes(MASK);
        }
        return header.toByteArray();
    }

    /** {@code bytes} masked as the payload bytes from {@code offset} on of a frame with {@link #header}'s key. */
    static byte[] masked(byte[] bytes, long offset) {
        byte[] masked = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            masked[i] = (byte) (bytes[i] ^ MASK[(int) ((offset + i) & 3)]);
        }
        return masked;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    void send(String text) throws IOException {
        send(ascii(text));
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * The HTTP response head and body (by its {@code Content-Length}), the {@code Date} masked; "no response" when
     * the server sent nothing within {@code wait}, "closed" when it closed first.
     */
    String response(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!endsWithBlankLine(head.toByteArray())) {
                int b = in.read();
                if (b < 0) {
                    return head.toString(StandardCharsets.ISO_8859_1) + "[closed]";
                }
                head.write(b);
            }
        } catch (SocketTimeoutException e) {
            return head.toString(StandardCharsets.ISO_8859_1) + "[no response]";
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = CONTENT_LENGTH.matcher(text);
        if (length.find()) {
            text += new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1);
        } else if (CONNECTION_CLOSE.matcher(text).find()) {
            // Go's answer to a request it cannot read: a body without length, then the end of the connection.
            text += new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        return DATE.matcher(text).replaceAll("\r\nDate: <date>");
    }

    /** Whether the server closes the connection within {@code wait} ("closed") or keeps it ("open"). */
    String stillOpen(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            int b = in.read();
            return b < 0 ? "closed" : "sent more: " + b;
        } catch (SocketTimeoutException e) {
            return "open";
        } catch (SocketException e) {
            return "closed";
        }
    }

    /**
     * The frames the server sends until it closes the connection or {@code wait} passes without a byte, one line
     * each: INFO frames by name, close frames with their status and reason, others with their opcode and payload.
     */
    String framesUntilClosed(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        StringBuilder frames = new StringBuilder();
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return frames.append("[closed]").toString();
                }
                frames.append(describe(first, readFrame())).append('\n');
            }
        } catch (SocketTimeoutException e) {
            return frames.append("[open]").toString();
        } catch (SocketException e) {
            return frames.append("[closed]").toString();
        }
    }

    /** The next frame, which must come within {@code wait}, described as {@link #framesUntilClosed} does. */
    String nextFrame(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        int first = in.read();
        if (first < 0) {
            return "[closed]";
        }
        return describe(first, readFrame());
    }

    /** The next frame's header bits and payload length, for frames whose bytes differ (compressed ones). */
    String nextFrameHeader(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        int first = in.read();
        if (first < 0) {
            return "[closed]";
        }
        return String.format(Locale.ROOT, "fin=%d rsv=%d op=%d length=%d", first >>> 7, (first >>> 4) & 0x7,
                first & 0xf, readFrame().length);
    }

    /** The payload of the next frame, which must come within {@code wait}, as text. */
    String nextPayload(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        if (in.read() < 0) {
            return "[closed]";
        }
        return new String(readFrame(), StandardCharsets.ISO_8859_1);
    }

    private byte[] readFrame() throws IOException {
        int second = readByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) length);
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
        }
        return payload;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new SocketException("closed in a frame");
        }
        return b;
    }

    private static String describe(int first, byte[] payload) {
        String bits = String.format(Locale.ROOT, "fin=%d rsv=%d op=%d", first >>> 7, (first >>> 4) & 0x7, first & 0xf);
        if ((first & 0xf) == CLOSE) {
            if (payload.length < 2) {
                return bits + " close without status";
            }
            int status = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
            return bits + " close " + status + " "
                    + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
        String text = new String(payload, StandardCharsets.ISO_8859_1);
        if ((first & 0x40) == 0 && text.startsWith("INFO {")) {
            return bits + " INFO";
        }
        if ((first & 0x40) != 0) {
            return bits + " compressed";
        }
        return bits + " " + text.replace("\r\n", "\\r\\n");
    }

    private static boolean endsWithBlankLine(byte[] bytes) {
        int n = bytes.length;
        return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    /**
     * The error lines of a server's log, without time, client address and id, once there are at least
     * {@code atLeast} of them (a server may log a little after it answered), or after a few seconds.
     */
    static List<String> loggedErrors(ServerProcess server, int atLeast) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> errors = errorLines(server);
        while (errors.size() < atLeast && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
            errors = errorLines(server);
        }
        return errors;
    }

    private static List<String> errorLines(ServerProcess server) throws IOException {
        List<String> errors = new ArrayList<>();
        for (String line : Files.readAllLines(server.log(), StandardCharsets.UTF_8)) {
            Matcher error = LOGGED_ERROR.matcher(line);
            if (error.find()) {
                errors.add(error.group(1));
            }
        }
        return errors;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
