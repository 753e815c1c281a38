package io.natrium.adapter.protocol;

import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.domain.HotPath;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses the client side of the NATS protocol in place and drives a {@link ClientSession}, the way nats-server's
 * byte state machine does: operation names are recognised byte by byte (case-insensitive, so a bad byte is answered
 * before the line ends), arguments are split where they lie, and a message body is handed over only once it and its
 * CRLF are complete, through one reused {@link WireInboundMessage}.
 *
 * <p>With protocol tracing on, each operation is traced as nats-server traces it, before it is acted on; the switch
 * is read once per read, so tracing costs one boolean test per operation when it is off.
 *
 * <p>This class holds the parsing only; {@link ClientConnectionHandler} feeds it from the pipeline. Not thread-safe:
 * one instance per connection, used on its event loop.
 */
@HotPath
final class ClientProtocolDecoder {

    /** Operations, with the name that identifies each (the two ambiguous first letters resolve at the second). */
    private static final int PUB = 0;
    private static final int PING = 1;
    private static final int PONG = 2;
    private static final int HPUB = 3;
    private static final int HMSG = 4;
    private static final int SUB = 5;
    private static final int UNSUB = 6;
    private static final int CONNECT = 7;
    private static final int INFO = 8;
    private static final int OK = 9;
    private static final int ERR = 10;
    private static final int AMBIGUOUS_P = 11;
    private static final int AMBIGUOUS_H = 12;
    private static final byte[][] NAMES = {
            ascii("PUB"), ascii("PING"), ascii("PONG"), ascii("HPUB"), ascii("HMSG"), ascii("SUB"), ascii("UNSUB"),
            ascii("CONNECT"), ascii("INFO"), ascii("+OK"), ascii("-ERR")};

    private static final int MAX_ARGUMENTS = 5;
    private static final int MAX_SIZE_DIGITS = 9;

    private enum State {
        /** Reading an operation name. */
        NAME,
        /** The name is complete; it must be followed by a space or tab. */
        NAME_END,
        /** Skipping the spaces and tabs before the arguments. */
        SPACES,
        /** Waiting for the line end after the arguments. */
        ARGUMENTS,
        /** PING, PONG, +OK: everything up to the line end is ignored. */
        REST_OF_LINE,
        /** Waiting for a message body and its CRLF. */
        BODY
    }

    private final ClientSession session;
    private final ProtocolTracer tracer;
    /** The arguments of the current control line, copied out of the read buffer once and parsed from here. */
    private byte[] line = new byte[256];
    private final WireInboundMessage message = new WireInboundMessage();
    private final int[] argumentStarts = new int[MAX_ARGUMENTS];
    private final int[] argumentEnds = new int[MAX_ARGUMENTS];

    private State state = State.NAME;
    private int operation = -1;
    private int namePosition;
    /** How far past the reader index the line end has already been searched for. */
    private int scanned;
    private int bodySize;
    /** Whether this read is traced: nats-server, too, decides once per read. */
    private boolean tracing;

    ClientProtocolDecoder(ClientSession session) {
        this.session = session;
        this.tracer = session.tracer();
    }

    /**
     * Consumes as much of {@code in} as forms complete protocol; leaves an incomplete line or body for the next call.
     * Stops, discarding the rest, once the session is closed, and keeping the rest while it decides a CONNECT.
     */
    void decode(ByteBuf in) {
        tracing = tracer.enabled();
        while (in.isReadable()) {
            if (session.isClosed()) {
                in.skipBytes(in.readableBytes());
                return;
            }
            if (session.awaitsAuthentication()) {
                // What follows a CONNECT waits for its decision, as in nats-server, where the read loop is busy.
                return;
            }
            boolean progressed = switch (state) {
                case NAME -> readName(in);
                case NAME_END -> readNameEnd(in);
                case SPACES -> skipSpaces(in);
                case ARGUMENTS -> readArguments(in);
                case REST_OF_LINE -> skipRestOfLine(in);
                case BODY -> readBody(in);
            };
            if (!progressed) {
                return;
            }
        }
    }

    private boolean readName(ByteBuf in) {
        if (operation < 0 && in.readableBytes() >= 4 && isPubWithSpace(in.getInt(in.readerIndex()))
                && session.acceptsOperationsBeforeConnect()) {
            in.skipBytes(4);
            operation = PUB;
            namePosition = NAMES[PUB].length;
            state = State.SPACES;
            return true;
        }
        int b = in.readByte();
        if (operation < 0) {
            if (b != 'C' && b != 'c' && !session.acceptsOperationsBeforeConnect()) {
                return fail(ProtocolError.OPERATION_BEFORE_CONNECT);
            }
            operation = firstLetter(b);
            namePosition = 1;
            return operation >= 0 || fail(ProtocolError.UNKNOWN_OPERATION);
        }
        if (operation == AMBIGUOUS_P || operation == AMBIGUOUS_H) {
            operation = secondLetter(operation, b);
            namePosition = 2;
        } else {
            byte[] name = NAMES[operation];
            if (upper(b) != name[namePosition]) {
                operation = -1;
            }
            namePosition++;
        }
        if (operation < 0) {
            return fail(ProtocolError.UNKNOWN_OPERATION);
        }
        if (namePosition == NAMES[operation].length) {
            state = switch (operation) {
                case PING, PONG, OK -> State.REST_OF_LINE;
                case CONNECT, INFO -> State.SPACES;
                default -> State.NAME_END;
            };
        }
        return true;
    }

    private boolean readNameEnd(ByteBuf in) {
        int b = in.readByte();
        if (b != ' ' && b != '\t') {
            return fail(ProtocolError.UNKNOWN_OPERATION);
        }
        state = State.SPACES;
        return true;
    }

    private boolean skipSpaces(ByteBuf in) {
        int b = in.getByte(in.readerIndex());
        if (b == ' ' || b == '\t') {
            in.skipBytes(1);
        } else {
            state = State.ARGUMENTS;
            scanned = 0;
        }
        return true;
    }

    private boolean skipRestOfLine(ByteBuf in) {
        int lineEnd = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (lineEnd < 0) {
            in.skipBytes(in.readableBytes());
            return false;
        }
        in.readerIndex(lineEnd + 1);
        int completed = operation;
        reset();
        if (tracing && completed != OK) {
            ProtocolTrace.inbound(tracer, session, name(completed));
        }
        if (completed == PING) {
            session.ping();
        } else if (completed == PONG) {
            session.pong();
        }
        return true;
    }

    private boolean readArguments(ByteBuf in) {
        int start = in.readerIndex();
        int lineEnd = in.indexOf(start + scanned, in.writerIndex(), (byte) '\n');
        if (lineEnd < 0) {
            int pending = in.writerIndex() - start;
            // A CR anywhere in the line will drop one byte once the line ends (see below), so count it already.
            if (pending > 0 && in.indexOf(start, in.writerIndex(), (byte) '\r') >= 0) {
                pending--;
            }
            if (pending > session.maxControlLine()) {
                return fail(ProtocolError.MAX_CONTROL_LINE_EXCEEDED);
            }
            scanned = in.writerIndex() - start;
            return false;
        }
        // Like nats-server, a CR anywhere in the arguments means the byte before the LF is dropped.
        boolean carriageReturn = lineEnd > start
                && (in.getByte(lineEnd - 1) == '\r' || in.indexOf(start, lineEnd, (byte) '\r') >= 0);
        int end = carriageReturn ? lineEnd - 1 : lineEnd;
        if (end - start > session.maxControlLine()) {
            return fail(ProtocolError.MAX_CONTROL_LINE_EXCEEDED);
        }
        int length = end - start;
        if (line.length < length) {
            line = new byte[Math.max(length, line.length * 2)];
        }
        in.getBytes(start, line, 0, length);
        in.readerIndex(lineEnd + 1);
        int completed = operation;
        reset();
        if (tracing) {
            traceArguments(completed, length);
        }
        return switch (completed) {
            case PUB -> startPublish(length);
            case HPUB -> startHeaderPublish(length);
            case HMSG -> startEmptyPublish();
            case SUB -> subscribe(length);
            case UNSUB -> unsubscribe(length);
            case CONNECT -> connect(length);
            case INFO -> info(length);
            default -> clientError(length);
        };
    }

    private boolean startPublish(int length) {
        int count = split(length, false);
        if (count != 2 && count != 3) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        int last = count - 1;
        int size = parseSize(argumentStarts[last], argumentEnds[last]);
        if (size < 0) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        if (size > session.maxPayload()) {
            return fail(ProtocolError.MAX_PAYLOAD_EXCEEDED);
        }
        prepareMessage(count == 3);
        message.setSizeTexts(line, 0, 0, argumentStarts[last], argumentEnds[last] - argumentStarts[last]);
        message.setSizes(0, size);
        session.checkPublishSubject(message.subject());
        expectBody(size);
        return true;
    }

    private boolean startHeaderPublish(int length) {
        if (!session.acceptsHeaders()) {
            return fail(ProtocolError.HEADERS_NOT_SUPPORTED);
        }
        int count = split(length, false);
        if (count != 3 && count != 4) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        int headerArgument = count - 2;
        int totalArgument = count - 1;
        int headerSize = parseSize(argumentStarts[headerArgument], argumentEnds[headerArgument]);
        int size = parseSize(argumentStarts[totalArgument], argumentEnds[totalArgument]);
        if (headerSize < 0 || size < 0 || headerSize > size) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        if (size > session.maxPayload()) {
            return fail(ProtocolError.MAX_PAYLOAD_EXCEEDED);
        }
        prepareMessage(count == 4);
        message.setSizeTexts(line, argumentStarts[headerArgument],
                argumentEnds[headerArgument] - argumentStarts[headerArgument], argumentStarts[totalArgument],
                argumentEnds[totalArgument] - argumentStarts[totalArgument]);
        message.setSizes(headerSize, size);
        session.checkPublishSubject(message.subject());
        expectBody(size);
        return true;
    }

    /**
     * HMSG is a route and leaf operation; from a client nats-server ignores its arguments and reads an empty
     * message to no subject, so the same happens here.
     */
    private boolean startEmptyPublish() {
        message.clearSubject();
        message.clearReply();
        message.setSizes(0, 0);
        expectBody(0);
        return true;
    }

    private void prepareMessage(boolean withReply) {
        message.setSubject(line, argumentStarts[0], argumentEnds[0] - argumentStarts[0]);
        if (withReply) {
            message.setReply(line, argumentStarts[1], argumentEnds[1] - argumentStarts[1]);
        } else {
            message.clearReply();
        }
    }

    private void expectBody(int size) {
        bodySize = size;
        state = State.BODY;
    }

    private boolean readBody(ByteBuf in) {
        int start = in.readerIndex();
        int available = in.readableBytes();
        if (available <= bodySize) {
            return false;
        }
        if (in.getByte(start + bodySize) != '\r') {
            return fail(ProtocolError.UNKNOWN_OPERATION);
        }
        if (available == bodySize + 1) {
            return false;
        }
        if (in.getByte(start + bodySize + 1) != '\n') {
            return fail(ProtocolError.UNKNOWN_OPERATION);
        }
        message.setBody(in, start);
        if (tracing) {
            ProtocolTrace.payload(tracer, session, in, start, bodySize, message.headerLength());
        }
        try {
            session.publish(message);
        } finally {
            message.release();
        }
        in.readerIndex(start + bodySize + 2);
        reset();
        return true;
    }

    /** nats-server traces the client operations it acts on: INFO, -ERR and HMSG from a client are not traced. */
    private void traceArguments(int completed, int length) {
        switch (completed) {
            case PUB, HPUB, SUB, UNSUB -> ProtocolTrace.inbound(tracer, session, name(completed), line, length);
            case CONNECT -> ProtocolTrace.connect(tracer, session, line, length);
            default -> {
                // Not traced.
            }
        }
    }

    private static String name(int operation) {
        return new String(NAMES[operation], StandardCharsets.US_ASCII);
    }

    private boolean subscribe(int length) {
        int count = split(length, true);
        if (count != 2 && count != 3) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        String subject = text(0);
        String queue = count == 3 ? text(1) : null;
        String sid = text(count - 1);
        session.subscribe(subject, queue, sid);
        return true;
    }

    private boolean unsubscribe(int length) {
        int count = split(length, true);
        if (count != 1 && count != 2) {
            return fail(ProtocolError.MALFORMED_ARGUMENTS);
        }
        long max = count == 2 ? parseSize(argumentStarts[1], argumentEnds[1]) : -1;
        session.unsubscribe(text(0), max);
        return true;
    }

    private boolean connect(int length) {
        ConnectRequest request = ConnectJson.parse(Arrays.copyOf(line, length));
        if (request == null) {
            return fail(ProtocolError.MALFORMED_JSON);
        }
        session.connect(request);
        return true;
    }

    private boolean info(int length) {
        return InfoJson.isReadable(Arrays.copyOf(line, length)) || fail(ProtocolError.MALFORMED_JSON);
    }

    private boolean clientError(int length) {
        session.clientError(new String(line, 0, length, StandardCharsets.UTF_8));
        return true;
    }

    private boolean fail(ProtocolError error) {
        reset();
        session.protocolError(error);
        return true;
    }

    private void reset() {
        state = State.NAME;
        operation = -1;
        namePosition = 0;
        scanned = 0;
    }

    /**
     * Splits the line's arguments on spaces and tabs (and on CR and LF too for SUB and UNSUB, as nats-server does);
     * returns how many there are, or {@code MAX_ARGUMENTS + 1} when there are more than fit.
     */
    private int split(int length, boolean lineBreaksSeparate) {
        byte[] bytes = line;
        int count = 0;
        int argumentStart = -1;
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            boolean separator = b == ' ' || b == '\t' || lineBreaksSeparate && (b == '\r' || b == '\n');
            if (separator) {
                if (argumentStart >= 0) {
                    if (count == MAX_ARGUMENTS) {
                        return MAX_ARGUMENTS + 1;
                    }
                    argumentStarts[count] = argumentStart;
                    argumentEnds[count++] = i;
                    argumentStart = -1;
                }
            } else if (argumentStart < 0) {
                argumentStart = i;
            }
        }
        if (argumentStart >= 0) {
            if (count == MAX_ARGUMENTS) {
                return MAX_ARGUMENTS + 1;
            }
            argumentStarts[count] = argumentStart;
            argumentEnds[count++] = length;
        }
        return count;
    }

    /** nats-server's {@code parseSize}: up to nine ASCII digits, otherwise -1. */
    private int parseSize(int start, int end) {
        int length = end - start;
        if (length == 0 || length > MAX_SIZE_DIGITS) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private String text(int argument) {
        return new String(line, argumentStarts[argument], argumentEnds[argument] - argumentStarts[argument],
                StandardCharsets.UTF_8);
    }

    /** True when the four bytes are "PUB" (any case) and a space or tab: the common case, recognised at once. */
    private static boolean isPubWithSpace(int word) {
        int name = word & 0xDFDFDF00;
        int separator = word & 0xFF;
        return name == ('P' << 24 | 'U' << 16 | 'B' << 8) && (separator == ' ' || separator == '\t');
    }

    private static int firstLetter(int b) {
        return switch (upper(b)) {
            case 'P' -> AMBIGUOUS_P;
            case 'H' -> AMBIGUOUS_H;
            case 'S' -> SUB;
            case 'U' -> UNSUB;
            case 'C' -> CONNECT;
            case 'I' -> INFO;
            case '+' -> OK;
            case '-' -> ERR;
            default -> -1;
        };
    }

    private static int secondLetter(int ambiguous, int b) {
        int letter = upper(b);
        if (ambiguous == AMBIGUOUS_P) {
            return switch (letter) {
                case 'U' -> PUB;
                case 'I' -> PING;
                case 'O' -> PONG;
                default -> -1;
            };
        }
        return switch (letter) {
            case 'P' -> HPUB;
            case 'M' -> HMSG;
            default -> -1;
        };
    }

    private static int upper(int b) {
        return b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
