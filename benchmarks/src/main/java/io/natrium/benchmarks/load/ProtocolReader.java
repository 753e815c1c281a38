package io.natrium.benchmarks.load;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Parses what a server sends: control lines ({@code INFO}, {@code MSG}, {@code HMSG}, {@code PING}, {@code PONG},
 * {@code +OK}, {@code -ERR}) and message bodies, which it skips by their announced size without scanning them.
 * The fields of the last operation stay readable until the next call of {@link #next()}.
 */
final class ProtocolReader {

    /** The operations a server sends. */
    enum Op { INFO, MSG, HMSG, PING, PONG, OK, ERR }

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_ARGUMENTS = 6;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;

    private byte[] line = new byte[256];
    private int lineLength;
    private final int[] argumentStart = new int[MAX_ARGUMENTS];
    private final int[] argumentEnd = new int[MAX_ARGUMENTS];
    private int arguments;
    private boolean hasReply;
    private int payloadSize;

    ProtocolReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next operation; for {@code MSG} and {@code HMSG} the body is consumed as well. */
    Op next() throws IOException {
        readLine();
        Op op = classify();
        if (op == Op.MSG || op == Op.HMSG) {
            parseMessageArguments(op);
            skip(payloadSize + 2L);
        }
        return op;
    }

    /** Whether bytes already read from the socket are waiting to be parsed (so {@link #next()} will not block). */
    boolean hasBuffered() {
        return position < limit;
    }

    /** The subject of the last {@code MSG} or {@code HMSG}. */
    String subject() {
        return argument(0);
    }

    /** The reply subject of the last {@code MSG} or {@code HMSG}, or {@code null}. */
    String reply() {
        return hasReply ? argument(2) : null;
    }

    /** The total size of the last message's body (headers included for {@code HMSG}). */
    int payloadSize() {
        return payloadSize;
    }

    /** The whole last control line, without its CRLF. */
    String text() {
        return new String(line, 0, lineLength, US_ASCII);
    }

    private String argument(int index) {
        return new String(line, argumentStart[index], argumentEnd[index] - argumentStart[index], US_ASCII);
    }

    private void readLine() throws IOException {
        int scanFrom = position;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    copyLine(end);
                    position = i + 1;
                    return;
                }
            }
            int alreadyScanned = limit - position;
            compactAndFill();
            scanFrom = position + alreadyScanned;
        }
    }

    private void copyLine(int end) {
        lineLength = end - position;
        if (lineLength > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength, line.length * 2));
        }
        System.arraycopy(buffer, position, line, 0, lineLength);
    }

    private void compactAndFill() throws IOException {
        if (position == 0 && limit == buffer.length) {
            throw new IOException("control line longer than " + BUFFER_SIZE + " bytes");
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            throw new EOFException("server closed the connection");
        }
        limit += read;
    }

    private void skip(long count) throws IOException {
        long remaining = count;
        while (remaining > limit - position) {
            remaining -= limit - position;
            position = 0;
            limit = 0;
            compactAndFill();
        }
        position += (int) remaining;
    }

    private Op classify() throws IOException {
        if (lineLength >= 3) {
            switch (upper(line[0])) {
                case 'M':
                    return Op.MSG;
                case 'H':
                    return Op.HMSG;
                case 'I':
                    return Op.INFO;
                case 'P':
                    return upper(line[1]) == 'I' ? Op.PING : Op.PONG;
                case '+':
                    return Op.OK;
                case '-':
                    return Op.ERR;
                default:
                    break;
            }
        }
        throw new IOException("unexpected line from the server: " + text());
    }

    private void parseMessageArguments(Op op) throws IOException {
        arguments = 0;
        int i = op == Op.MSG ? 3 : 4;
        while (i < lineLength) {
            while (i < lineLength && isSpace(line[i])) {
                i++;
            }
            if (i == lineLength) {
                break;
            }
            if (arguments == MAX_ARGUMENTS) {
                throw new IOException("too many arguments: " + text());
            }
            argumentStart[arguments] = i;
            while (i < lineLength && !isSpace(line[i])) {
                i++;
            }
            argumentEnd[arguments++] = i;
        }
        int withoutReply = op == Op.MSG ? 3 : 4;
        if (arguments != withoutReply && arguments != withoutReply + 1) {
            throw new IOException("malformed " + op + ": " + text());
        }
        hasReply = arguments == withoutReply + 1;
        payloadSize = parseSize(arguments - 1);
    }

    private int parseSize(int index) throws IOException {
        int value = 0;
        for (int i = argumentStart[index]; i < argumentEnd[index]; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IOException("bad size in: " + text());
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
