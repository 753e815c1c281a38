package io.natrium.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One MQTT 3.1.1 client connection for the MQTT load scenarios, on a blocking socket: packets written from arrays
 * prepared once (a PUBLISH has its packet identifier patched in place), packets read into one reused buffer, so the
 * measured loops allocate nothing.
 */
final class MqttWire implements AutoCloseable {

    static final int PUBLISH = 3;
    static final int PUBACK = 4;
    static final int PINGRESP = 13;
    private static final int SUBACK = 9;
    private static final int CONNACK = 2;
    private static final byte[] DISCONNECT = {(byte) 0xE0, 0};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] input = new byte[64 * 1024];
    private int inputStart;
    private int inputEnd;
    private final byte[] output = new byte[64 * 1024];
    private int outputLength;
    private final byte[] puback = {0x40, 2, 0, 0};
    /** The body of the last packet read, its first {@link #bodyLength} bytes. */
    private byte[] body = new byte[256];
    private int bodyLength;
    private int lastType;
    private int lastFlags;

    private MqttWire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects as {@code clientId} with a clean session and waits for the CONNACK that accepts it. */
    static MqttWire connect(int port, String clientId) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(IoLoop.HOST, port), 5_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        MqttWire wire = new MqttWire(socket);
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[10 + 2 + id.length];
        byte[] fixed = {0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60};
        System.arraycopy(fixed, 0, body, 0, fixed.length);
        body[10] = (byte) (id.length >> 8);
        body[11] = (byte) id.length;
        System.arraycopy(id, 0, body, 12, id.length);
        wire.write(packet(0x10, body));
        wire.flush();
        if (wire.readPacket() != CONNACK || wire.body[1] != 0) {
            wire.close();
            throw new IOException(clientId + ": CONNECT refused");
        }
        return wire;
    }

    /** Subscribes to {@code filter} at {@code qos} and waits for the SUBACK. */
    void subscribe(String filter, int qos) throws IOException {
        byte[] topic = filter.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[2 + 2 + topic.length + 1];
        body[1] = 1;
        body[2] = (byte) (topic.length >> 8);
        body[3] = (byte) topic.length;
        System.arraycopy(topic, 0, body, 4, topic.length);
        body[body.length - 1] = (byte) qos;
        write(packet(0x82, body));
        flush();
        if (readPacket() != SUBACK || this.body[2] != qos) {
            throw new IOException("SUBSCRIBE " + filter + " refused");
        }
    }

    /** A PUBLISH of {@code payloadSize} bytes to {@code topic} at {@code qos}, its packet identifier (if any) 0. */
    static byte[] publishPacket(String topic, int qos, int payloadSize) {
        byte[] name = topic.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[2 + name.length + (qos > 0 ? 2 : 0) + payloadSize];
        body[0] = (byte) (name.length >> 8);
        body[1] = (byte) name.length;
        System.arraycopy(name, 0, body, 2, name.length);
        return packet(0x30 | qos << 1, body);
    }

    /** Where {@link #publishPacket}'s packet identifier is, to patch it. */
    static int packetIdOffset(byte[] packet) {
        int at = 1;
        while ((packet[at] & 0x80) != 0) {
            at++;
        }
        at++;
        return at + 2 + ((packet[at] & 0xFF) << 8 | packet[at + 1] & 0xFF);
    }

    static byte[] packet(int firstByte, byte[] body) {
        byte[] length = new byte[4];
        int size = 0;
        int rest = body.length;
        do {
            int digit = rest % 128;
            rest /= 128;
            length[size++] = (byte) (rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        byte[] packet = new byte[1 + size + body.length];
        packet[0] = (byte) firstByte;
        System.arraycopy(length, 0, packet, 1, size);
        System.arraycopy(body, 0, packet, 1 + size, body.length);
        return packet;
    }

    /** Buffers {@code packet}; written when the buffer fills or at {@link #flush}. */
    void write(byte[] packet) throws IOException {
        if (outputLength + packet.length > output.length) {
            flush();
        }
        if (packet.length > output.length) {
            out.write(packet);
            return;
        }
        System.arraycopy(packet, 0, output, outputLength, packet.length);
        outputLength += packet.length;
    }

    void flush() throws IOException {
        if (outputLength > 0) {
            out.write(output, 0, outputLength);
            outputLength = 0;
        }
    }

    /** Acknowledges the QoS 1 PUBLISH just read; written with the next flush. */
    void acknowledgeLast() throws IOException {
        int at = 2 + ((body[0] & 0xFF) << 8 | body[1] & 0xFF);
        puback[2] = body[at];
        puback[3] = body[at + 1];
        write(puback);
    }

    /** Whether a whole packet may be read without waiting (bytes are buffered or the socket has some). */
    boolean inputWaiting() throws IOException {
        return inputEnd > inputStart || in.available() > 0;
    }

    /** Reads the next packet and returns its type; its body is kept until the next read. */
    int readPacket() throws IOException {
        int first = readByte();
        int length = 0;
        int shift = 0;
        int digit;
        do {
            digit = readByte();
            length |= (digit & 0x7F) << shift;
            shift += 7;
        } while ((digit & 0x80) != 0);
        if (body.length < length) {
            body = new byte[Math.max(length, 2 * body.length)];
        }
        for (int done = 0; done < length;) {
            fill();
            int chunk = Math.min(length - done, inputEnd - inputStart);
            System.arraycopy(input, inputStart, body, done, chunk);
            inputStart += chunk;
            done += chunk;
        }
        bodyLength = length;
        lastType = first >> 4 & 0x0F;
        lastFlags = first & 0x0F;
        return lastType;
    }

    /** The QoS of the PUBLISH just read. */
    int lastQos() {
        return lastFlags >> 1 & 0x03;
    }

    int lastLength() {
        return bodyLength;
    }

    private int readByte() throws IOException {
        fill();
        return input[inputStart++] & 0xFF;
    }

    private void fill() throws IOException {
        if (inputStart < inputEnd) {
            return;
        }
        flush();
        int n = in.read(input, 0, input.length);
        if (n < 0) {
            throw new IOException("connection closed by the server");
        }
        inputStart = 0;
        inputEnd = n;
    }

    /**
     * Sends DISCONNECT and closes: the broker then lets the client id go at once, where a bare close leaves it to
     * notice the end of the connection in its own time.
     */
    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                write(DISCONNECT);
                flush();
            }
        } catch (IOException e) {
            // The connection is gone already.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
